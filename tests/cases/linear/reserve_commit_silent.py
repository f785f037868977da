"""A reservation committed once is consumed exactly once."""
from budgetlint import Budget


def call_model(b: Budget) -> None:
    r = b.reserve(usd=0.05, tokens=4_000)
    r.commit(usd=0.031, tokens=2_480)
