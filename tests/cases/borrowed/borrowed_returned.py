"""Returning a borrowed budget hands out what the callee does not own: BUD006."""
from budgetlint import Borrowed, Budget


def pick(budget: Borrowed[Budget]) -> Budget:
    budget.spend(usd=0.01)
    return budget  # expect: BUD006
