"""Passing by keyword to a keyword-only owning parameter moves the budget."""
from budgetlint import Budget


def run_sub_agent(task: str, *, budget: Budget) -> None:
    budget.spend(usd=0.01)


def orchestrate() -> None:
    b = Budget(usd=5)
    run_sub_agent("summarise", budget=b)
    b.spend(usd=0.01)  # expect: BUD001
