"""Rebinding a borrowed parameter to a new budget makes it owned: returning it is fine."""
from budgetlint import Borrowed, Budget


def fallback(budget: Borrowed[Budget], fresh: bool) -> Budget:
    if fresh:
        budget = Budget(usd=1)
        return budget
    return budget.split(usd=0.5)
