"""An `@affine` user class is never copied: BUD002."""
import copy

from budgetlint import affine


@affine
class Credits:
    def __init__(self, amount: int) -> None:
        self.amount = amount


def per_worker(c: Credits) -> Credits:
    return copy.copy(c)  # expect: BUD002
