"""A move on one branch does not affect the other branch."""
from budgetlint import Budget


def run_sub_agent(budget: Budget) -> None:
    budget.spend(usd=0.01)


def orchestrate(delegate: bool) -> None:
    b = Budget(usd=5)
    if delegate:
        run_sub_agent(b)
    else:
        b.spend(usd=0.01)
        b.spend(usd=0.02)
