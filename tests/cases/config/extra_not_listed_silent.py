"""A class with the same name in a module not listed in `extra-affine` is not tracked."""


class Wallet:
    def __init__(self, cents: int) -> None:
        self.cents = cents


def pay(w: Wallet) -> None:
    print(w.cents)


def checkout() -> None:
    w = Wallet(500)
    pay(w)
    print(w.cents)
