"""A closure that is returned escapes: it moves the capture at its definition, so a later use is BUD001."""
from collections.abc import Callable

from budgetlint import Budget


def make_charger(b: Budget) -> Callable[[int], None]:
    def charge(tokens: int) -> None:
        b.spend(usd=0.001, tokens=tokens)

    b.spend(usd=0.50)  # expect: BUD001
    return charge
