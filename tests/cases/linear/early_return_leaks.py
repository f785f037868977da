"""The catalog example of BUD004: an early `return` skips the commit."""
from budgetlint import Budget


def call_model(b: Budget, ok: bool) -> None:
    r = b.reserve(usd=0.05)  # expect: BUD004
    if not ok:
        return
    r.commit(usd=0.02)
