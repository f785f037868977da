"""A reservation made on one branch only and consumed under an unrelated test can leak (BUD004)."""
from budgetlint import Budget


def maybe_call(b: Budget, wanted: bool, ready: bool) -> None:
    r = b.reserve(usd=0.05) if wanted else None  # expect: BUD004
    if ready and r is not None:
        r.commit(usd=0.02)
