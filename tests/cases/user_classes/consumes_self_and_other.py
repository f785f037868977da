"""`@consumes("self", "other")` consumes both the receiver and the argument."""
from budgetlint import affine, consumes


@affine
class Credits:
    def __init__(self, amount: int) -> None:
        self.amount = amount

    @consumes("self", "other")
    def merge(self, other: "Credits") -> "Credits":
        return Credits(self.amount + other.amount)


def settle() -> None:
    a = Credits(10)
    c = Credits(5)
    total = a.merge(c)
    print(total.amount)
    print(a.amount)  # expect: BUD001
    print(c.amount)  # expect: BUD001
