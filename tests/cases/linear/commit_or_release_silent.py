"""Commit on one branch, release on the other: consumed on every path."""
from budgetlint import Budget


def call_model(b: Budget, ok: bool) -> None:
    r = b.reserve(usd=0.05)
    if ok:
        r.commit(usd=0.02)
    else:
        r.release()
