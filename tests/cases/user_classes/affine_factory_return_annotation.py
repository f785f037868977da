"""A value returned by a same-file function annotated with an `@affine` class is tracked."""
from budgetlint import affine


@affine
class Credits:
    def __init__(self, amount: int) -> None:
        self.amount = amount


def grant(amount: int) -> Credits:
    return Credits(amount)


def spend_credits(c: Credits) -> None:
    print(c.amount)


def settle() -> None:
    c = grant(5)
    spend_credits(c)
    spend_credits(c)  # expect: BUD001
