"""A move followed by `return` on its branch does not reach the later use."""
from budgetlint import Budget


def run_sub_agent(budget: Budget) -> None:
    budget.spend(usd=0.01)


def orchestrate(delegate: bool) -> None:
    b = Budget(usd=5)
    if delegate:
        run_sub_agent(b)
        return
    b.spend(usd=0.01)
