"""Holding a reservation in a `with` block counts as consumed: it is released on exit (SPEC 5)."""
from budgetlint import Budget


def call_model(b: Budget, ok: bool) -> None:
    with b.reserve(usd=0.05) as r:
        if ok:
            r.commit(usd=0.02)
