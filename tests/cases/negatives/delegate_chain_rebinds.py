"""Handing ownership down a chain of names, always using the newest one: silent."""
from budgetlint import Budget


def orchestrate() -> None:
    b = Budget(usd=5)
    planner = b.delegate()
    coder = planner.delegate()
    reviewer = coder
    reviewer.spend(usd=0.01)
    reviewer.close()
