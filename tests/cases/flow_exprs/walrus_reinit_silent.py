"""Binding with `:=` re-initialises the name like an assignment."""
from budgetlint import Budget


def run_sub_agent(budget: Budget) -> None:
    budget.spend(usd=0.01)


def orchestrate(parent: Budget) -> None:
    b = parent.split(usd=1)
    run_sub_agent(b)
    if (b := parent.split(usd=1)).remaining.calls != 0:
        b.spend(usd=0.01)
    b.spend(usd=0.01)
