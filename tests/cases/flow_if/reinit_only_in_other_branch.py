"""Rebinding on the other branch does not help the branch that moved: BUD001 after the join."""
from budgetlint import Budget


def run_sub_agent(budget: Budget) -> None:
    budget.spend(usd=0.01)


def orchestrate(delegate: bool) -> None:
    b = Budget(usd=5)
    if delegate:
        run_sub_agent(b)
    else:
        b = Budget(usd=1)
    b.spend(usd=0.01)  # expect: BUD001
