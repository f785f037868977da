"""`extra-affine` makes an undecorated class affine: a use after a move is BUD001 (SPEC 9)."""


class Wallet:
    def __init__(self, cents: int) -> None:
        self.cents = cents


def pay(w: Wallet) -> None:
    print(w.cents)


def checkout() -> None:
    w = Wallet(500)
    pay(w)
    print(w.cents)  # expect: BUD001
