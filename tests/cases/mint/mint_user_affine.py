"""Constructing an `@affine` user class outside the mint authority is BUD008."""
from budgetlint import affine


@affine
class Credits:
    def __init__(self, amount: int) -> None:
        self.amount = amount


def grant() -> Credits:
    return Credits(10)  # expect: BUD008
