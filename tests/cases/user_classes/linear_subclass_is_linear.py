"""A subclass of an `@linear` class is linear (SPEC 5, Moving a linear value)."""
from budgetlint import consumes, linear


@linear
class Ticket:
    def __init__(self, seat: str) -> None:
        self.seat = seat

    @consumes
    def redeem(self) -> str:
        return self.seat


class VipTicket(Ticket):
    def lounge(self) -> str:
        return "lounge " + self.seat


def book(vip: bool) -> None:
    t = VipTicket("1A")  # expect: BUD004
    print(t.lounge())
    if vip:
        t.redeem()
