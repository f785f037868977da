"""Settled case: explicit `raise` is a path on which a linear value must already be consumed (BUD004)."""
from budgetlint import Budget


def ask(b: Budget, ok: bool) -> None:
    r = b.reserve(usd=0.05)  # expect: BUD004
    if not ok:
        raise ValueError("bad input")
    r.commit(usd=0.02)
