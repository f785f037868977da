"""Settled case: `with b:` closes `b` when the block exits; a use after it is BUD001."""
from budgetlint import Budget


def run_job(b: Budget) -> None:
    with b:
        b.spend(usd=0.01)
    b.spend(usd=0.01)  # expect: BUD001
