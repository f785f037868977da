"""A reservation made on one branch only and consumed under `is not None` is never leaked: the None branch holds nothing to consume."""
from budgetlint import Budget


def maybe_call(b: Budget, wanted: bool) -> None:
    r = b.reserve(usd=0.05) if wanted else None
    if r is not None:
        r.commit(usd=0.02)
