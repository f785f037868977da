"""Consuming a borrowed budget with `delegate()` is BUD006."""
from budgetlint import Borrowed, Budget


def run_sub_agent(budget: Borrowed[Budget]) -> None:
    owner = budget.delegate()  # expect: BUD006
    owner.spend(usd=0.01)
