"""Returning a closure that owns the budget is fine when the function no longer uses it."""
from collections.abc import Callable

from budgetlint import Budget


def make_charger(b: Budget) -> Callable[[int], None]:
    b.spend(usd=0.50)

    def charge(tokens: int) -> None:
        b.spend(usd=0.001, tokens=tokens)

    return charge
