"""A closure stored in a list escapes: it moves its capture at the definition (BUD001 on the later use)."""
from collections.abc import Callable

from budgetlint import Budget


def register(callbacks: list[Callable[[], None]]) -> None:
    b = Budget(usd=5)
    callbacks.append(lambda: b.spend(usd=0.01))
    b.spend(usd=0.01)  # expect: BUD001
