"""Closing a borrowed budget is BUD006."""
from budgetlint import Borrowed, Budget


def finish(budget: Borrowed[Budget]) -> None:
    budget.spend(usd=0.01)
    budget.close()  # expect: BUD006
