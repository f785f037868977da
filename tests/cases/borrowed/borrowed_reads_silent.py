"""Spending, reserving, splitting and reading a borrowed budget all borrow it."""
from budgetlint import Borrowed, Budget


def step(budget: Borrowed[Budget]) -> None:
    budget.spend(usd=0.01)
    print(budget.remaining, budget.spent, budget.cap)
    child = budget.split(usd=0.10)
    child.spend(usd=0.01)
    with budget.reserve(usd=0.05) as r:
        r.commit(usd=0.02)
