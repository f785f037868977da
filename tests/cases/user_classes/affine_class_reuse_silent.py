"""Calling non-consuming methods of an `@affine` class borrows it, any number of times."""
from budgetlint import Borrowed, affine


@affine
class Credits:
    def __init__(self, amount: int) -> None:
        self.amount = amount

    def balance(self) -> int:
        return self.amount


def show(c: Borrowed[Credits]) -> None:
    print(c.balance())


def settle() -> None:
    c = Credits(10)
    show(c)
    show(c)
    print(c.balance())
