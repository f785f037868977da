"""Passing a reservation to an owning parameter moves the obligation to the callee, which consumes it."""
from budgetlint import Budget, Reservation


def settle(r: Reservation, cost: float) -> None:
    r.commit(usd=cost)


def call_model(b: Budget) -> None:
    r = b.reserve(usd=0.05)
    settle(r, 0.02)
