"""Committing twice inside the `with` block is BUD003."""
from budgetlint import Budget


def call_model(b: Budget) -> None:
    with b.reserve(usd=0.05) as r:
        r.commit(usd=0.02)
        r.commit(usd=0.01)  # expect: BUD003
