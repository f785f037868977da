"""An `extra-affine` class that is only borrowed is fine."""
from budgetlint import Borrowed


class Wallet:
    def __init__(self, cents: int) -> None:
        self.cents = cents


def show(w: Borrowed[Wallet]) -> None:
    print(w.cents)


def checkout() -> None:
    w = Wallet(500)
    show(w)
    show(w)
