"""`@consumes("other")` consumes the named parameter instead of `self`: using `other` afterwards is BUD001."""
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
    main.absorb(extra)
    print(main.amount)
    print(extra.amount)  # expect: BUD001
