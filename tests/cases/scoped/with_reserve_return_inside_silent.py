"""The catalog fix of BUD004: an early return inside the `with` block is fine."""
from budgetlint import Budget


def call_model(b: Budget, ok: bool) -> None:
    with b.reserve(usd=0.05) as r:
        if not ok:
            return
        r.commit(usd=0.02)
