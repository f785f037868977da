"""Committed on one branch only: the fall-through path leaks the reservation (BUD004)."""
from budgetlint import Budget


def call_model(b: Budget, ok: bool) -> None:
    r = b.reserve(usd=0.05)  # expect: BUD004
    if ok:
        r.commit(usd=0.02)
