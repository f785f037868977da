"""An `@linear` instance consumed exactly once on every path is fine."""
from budgetlint import consumes, linear


@linear
class Ticket:
    def __init__(self, seat: str) -> None:
        self.seat = seat

    @consumes
    def redeem(self) -> str:
        return self.seat

    @consumes
    def cancel(self) -> None:
        print("cancelled", self.seat)


def book(ok: bool) -> str:
    t = Ticket("12A")
    if ok:
        return t.redeem()
    t.cancel()
    return ""
