"""Committing a borrowed reservation consumes it: BUD006."""
from budgetlint import Borrowed, Reservation


def settle(r: Borrowed[Reservation]) -> None:
    r.commit(usd=0.01)  # expect: BUD006
