"""Possibly consumed on one path, then consumed again: BUD003."""
from budgetlint import Budget


def call_model(b: Budget, ok: bool) -> None:
    r = b.reserve(usd=0.05)
    if ok:
        r.commit(usd=0.02)
    r.release()  # expect: BUD003
