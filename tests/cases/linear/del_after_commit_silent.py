"""Deleting a consumed reservation is fine (`del` is not a use)."""
from budgetlint import Budget


def call_model(b: Budget) -> None:
    r = b.reserve(usd=0.05)
    r.commit(usd=0.02)
    del r
