"""A `@consumes` method of an `@affine` class moves `self`: a later use is BUD001."""
from budgetlint import affine, consumes


@affine
class Credits:
    def __init__(self, amount: int) -> None:
        self.amount = amount

    def balance(self) -> int:
        return self.amount

    @consumes
    def redeem(self) -> int:
        return self.amount


def settle() -> None:
    c = Credits(10)
    print(c.balance())
    print(c.redeem())
    print(c.balance())  # expect: BUD001
