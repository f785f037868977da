"""A callee defined further down the file is still resolved: its owning parameter moves."""
from budgetlint import Budget


def orchestrate() -> None:
    b = Budget(usd=5)
    run_sub_agent(b)
    b.spend(usd=0.01)  # expect: BUD001


def run_sub_agent(budget: Budget) -> None:
    budget.spend(usd=0.01)
