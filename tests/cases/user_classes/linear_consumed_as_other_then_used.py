"""A linear argument consumed through `@consumes("other")` is gone: using it afterwards is BUD003."""
from budgetlint import consumes, linear


@linear
class Ticket:
    def __init__(self, seat: str) -> None:
        self.seat = seat

    @consumes("other")
    def upgrade_with(self, other: "Ticket") -> None:
        self.seat = other.redeem()

    @consumes
    def redeem(self) -> str:
        return self.seat


def book() -> str:
    t = Ticket("30F")
    upgrade = Ticket("2A")
    t.upgrade_with(upgrade)
    print(upgrade.seat)  # expect: BUD003
    return t.redeem()
