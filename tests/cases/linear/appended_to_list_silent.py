"""Appending a reservation to a list moves the obligation into the list."""
from budgetlint import Budget, Reservation


def reserve_batch(b: Budget, n: int) -> list[Reservation]:
    pending: list[Reservation] = []
    for _ in range(n):
        r = b.reserve(usd=0.01)
        pending.append(r)
    return pending
