"""Passing a borrowed budget on to an owning parameter moves it: BUD006."""
from budgetlint import Borrowed, Budget


def run_sub_agent(budget: Budget) -> None:
    budget.spend(usd=0.01)


def relay(budget: Borrowed[Budget]) -> None:
    run_sub_agent(budget)  # expect: BUD006
