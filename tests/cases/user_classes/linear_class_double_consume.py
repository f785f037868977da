"""Consuming an `@linear` instance twice is BUD003."""
from budgetlint import consumes, linear


@linear
class Ticket:
    def __init__(self, seat: str) -> None:
        self.seat = seat

    @consumes
    def redeem(self) -> str:
        return self.seat


def book() -> None:
    t = Ticket("12A")
    t.redeem()
    t.redeem()  # expect: BUD003
