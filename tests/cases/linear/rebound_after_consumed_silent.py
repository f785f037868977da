"""Rebinding after the reservation was consumed is fine."""
from budgetlint import Budget


def call_model(b: Budget) -> None:
    r = b.reserve(usd=0.05)
    r.commit(usd=0.02)
    r = b.reserve(usd=0.10)
    r.release()
