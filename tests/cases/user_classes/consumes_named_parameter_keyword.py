"""`@consumes("other")` applies to the argument whether it is passed by position or by keyword."""
from budgetlint import affine, consumes


@affine
class Credits:
    def __init__(self, amount: int) -> None:
        self.amount = amount

    @consumes("other")
    def absorb(self, other: "Credits") -> None:
        self.amount += other.amount


def settle() -> None:
    main = Credits(10)
    extra = Credits(5)
    main.absorb(other=extra)
    main.absorb(other=extra)  # expect: BUD001
