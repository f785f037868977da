"""A linear value is an affine value too: constructing an `@linear` class outside the authority is BUD008."""
from budgetlint import consumes, linear


@linear
class Voucher:
    def __init__(self, usd: float) -> None:
        self.usd = usd

    @consumes
    def redeem(self) -> float:
        return self.usd


def issue() -> float:
    v = Voucher(1.5)  # expect: BUD008
    return v.redeem()
