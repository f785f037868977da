"""A scoped `with Budget(...)` still constructs a budget: BUD008."""
from budgetlint import Budget


def run_job() -> None:
    with Budget(usd=1) as b:  # expect: BUD008
        b.spend(usd=0.01)
