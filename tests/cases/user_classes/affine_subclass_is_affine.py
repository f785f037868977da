"""A subclass of an `@affine` class is affine (SPEC 2)."""
from budgetlint import affine


@affine
class Credits:
    def __init__(self, amount: int) -> None:
        self.amount = amount


class PromoCredits(Credits):
    pass


def spend_credits(c: Credits) -> None:
    print(c.amount)


def settle() -> None:
    promo = PromoCredits(3)
    spend_credits(promo)
    print(promo.amount)  # expect: BUD001
