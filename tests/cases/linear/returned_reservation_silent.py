"""Returning a reservation moves the obligation to the caller (SPEC 5, Moving a linear value)."""
from budgetlint import Borrowed, Budget, Reservation


def reserve_for_call(b: Borrowed[Budget], tokens: int) -> Reservation:
    r = b.reserve(usd=0.05, tokens=tokens)
    return r


def call_model(b: Budget) -> None:
    r = reserve_for_call(b, 1_000)
    r.commit(usd=0.02)
