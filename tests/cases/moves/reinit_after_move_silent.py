"""Rebinding a moved name re-initialises it (SPEC 4, last rows): no finding."""
from budgetlint import Budget


def run_sub_agent(budget: Budget) -> None:
    budget.spend(usd=0.01)


def orchestrate() -> None:
    b = Budget(usd=5)
    run_sub_agent(b)
    b = Budget(usd=1)
    b.spend(usd=0.01)
