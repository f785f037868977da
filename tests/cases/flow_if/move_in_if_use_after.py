"""Moved on one branch of an `if`: after the join it is possibly moved, and a use is BUD001 (SPEC 5)."""
from budgetlint import Budget


def run_sub_agent(budget: Budget) -> None:
    budget.spend(usd=0.01)


def orchestrate(delegate: bool) -> None:
    b = Budget(usd=5)
    if delegate:
        run_sub_agent(b)
    b.spend(usd=0.01)  # expect: BUD001
