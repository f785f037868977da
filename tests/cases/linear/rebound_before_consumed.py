"""Rebinding a name that holds an unconsumed reservation leaks the first one: BUD004 at the line that created it."""
from budgetlint import Budget


def call_model(b: Budget) -> None:
    r = b.reserve(usd=0.05)  # expect: BUD004
    r = b.reserve(usd=0.10)
    r.commit(usd=0.07)
