"""Conditional expressions that only read or split the budget are fine."""
from budgetlint import Budget


def orchestrate(b: Budget, large: bool) -> None:
    child = b.split(usd=2) if large else b.split(usd=0.5)
    label = str(b.remaining) if large else "small"
    print(label)
    child.spend(usd=0.01)
    b.spend(usd=0.01)
