"""Use of a linear value after it was moved to an owning parameter is BUD003."""
from budgetlint import Budget, Reservation


def settle(r: Reservation, cost: float) -> None:
    r.commit(usd=cost)


def call_model(b: Budget) -> None:
    r = b.reserve(usd=0.05)
    settle(r, 0.02)
    r.release()  # expect: BUD003
