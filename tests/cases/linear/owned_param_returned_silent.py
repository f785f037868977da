"""Returning an owned linear parameter passes the obligation back to the caller."""
from budgetlint import Reservation


def pass_through(r: Reservation) -> Reservation:
    print(r)
    return r
