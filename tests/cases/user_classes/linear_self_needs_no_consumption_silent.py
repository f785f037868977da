"""Inside a `@consumes` method of a linear class `self` needs no further consumption; other methods borrow `self`."""
from budgetlint import consumes, linear


@linear
class Ticket:
    def __init__(self, seat: str) -> None:
        self.seat = seat

    def describe(self) -> str:
        return "seat " + self.seat

    @consumes
    def redeem(self) -> str:
        print(self.describe())
        return self.seat
