"""Settled case: `with Budget(...) as b:` closes `b` at exit; a use after the block is BUD001."""
from budgetlint import Budget


def run_job() -> None:
    with Budget(usd=1) as b:
        b.spend(usd=0.01)
    print(b.spent)  # expect: BUD001
