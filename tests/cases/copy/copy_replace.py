"""`copy.replace(b)` (Python 3.13+) copies a budget: BUD002."""
import copy

from budgetlint import Budget


def renamed(b: Budget) -> object:
    return copy.replace(b)  # type: ignore[attr-defined,unused-ignore]  # expect: BUD002
