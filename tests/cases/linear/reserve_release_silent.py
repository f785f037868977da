"""A reservation released once is consumed exactly once."""
from budgetlint import Budget


def call_model(b: Budget) -> None:
    r = b.reserve(usd=0.05)
    r.release()
