"""Overloads are one definition spread over several: each is read where it stands."""
from typing import overload

from budgetlint import Budget


@overload
def pay(budget: Budget) -> None: ...
@overload
def pay(budget: Budget, usd: float) -> None: ...
def pay(budget: Budget, usd: float = 1.0) -> None:
    budget.spend(usd=usd)


def twice() -> None:
    budget = Budget(usd=3)
    pay(budget)
    budget.spend(usd=1)  # expect: BUD001
