"""An instance of an `@linear` user class that is never consumed: BUD004 at its creation."""
from budgetlint import consumes, linear


@linear
class Ticket:
    def __init__(self, seat: str) -> None:
        self.seat = seat

    @consumes
    def redeem(self) -> str:
        return self.seat


def book() -> None:
    t = Ticket("12A")  # expect: BUD004
    print(t.seat)
