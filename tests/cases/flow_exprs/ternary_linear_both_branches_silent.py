"""A conditional expression that consumes a linear value on both branches consumes it on every path."""
from budgetlint import Budget, Reservation


def settle(r: Reservation, ok: bool) -> None:
    r.commit(usd=0.02) if ok else r.release()


def call_model(b: Budget, ok: bool) -> None:
    settle(b.reserve(usd=0.05), ok)
