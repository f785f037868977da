"""Passing a borrowed budget to another borrowing parameter is fine."""
from budgetlint import Borrowed, Budget


def leaf(budget: Borrowed[Budget]) -> None:
    budget.spend(usd=0.01)


def middle(budget: Borrowed[Budget]) -> None:
    leaf(budget)
    leaf(budget)
    print(budget)
