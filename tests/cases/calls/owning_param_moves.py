"""Passing a budget to a parameter declared `Budget` moves it (SPEC 4, second row)."""
from budgetlint import Budget


def run_sub_agent(budget: Budget) -> None:
    budget.spend(usd=0.01)


def orchestrate() -> None:
    b = Budget(usd=5)
    run_sub_agent(b)
    b.spend(usd=0.01)  # expect: BUD001
