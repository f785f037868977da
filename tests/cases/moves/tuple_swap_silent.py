"""Swapping two budgets through a tuple moves each into the other name: both stay live."""
from budgetlint import Budget


def rotate() -> None:
    left = Budget(usd=1)
    right = Budget(usd=2)
    left, right = right, left
    left.spend(usd=0.01)
    right.spend(usd=0.01)
