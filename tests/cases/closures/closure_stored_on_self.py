"""A closure stored on an object escapes: it moves its capture at the definition (BUD001 on the later use)."""
from collections.abc import Callable

from budgetlint import Budget


class Scheduler:
    def __init__(self) -> None:
        self.on_tick: Callable[[], None] | None = None

    def arm(self) -> None:
        b = Budget(usd=1)
        self.on_tick = lambda: b.spend(usd=0.01)
        b.spend(usd=0.01)  # expect: BUD001
