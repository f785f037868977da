"""Committing the same reservation twice is BUD003."""
from budgetlint import Budget


def call_model(b: Budget) -> None:
    r = b.reserve(usd=0.05)
    r.commit(usd=0.02)
    r.commit(usd=0.02)  # expect: BUD003
