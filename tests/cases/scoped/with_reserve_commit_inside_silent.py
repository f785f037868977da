"""`with b.reserve(...) as r:` with a commit inside consumes `r` exactly once."""
from budgetlint import Budget


def call_model(b: Budget) -> None:
    with b.reserve(usd=0.05) as r:
        r.commit(usd=0.02)
