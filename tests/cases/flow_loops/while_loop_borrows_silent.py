"""Spending from a budget on every iteration borrows it: the classic agent loop is fine."""
from budgetlint import Borrowed, Budget


def step(budget: Borrowed[Budget]) -> bool:
    budget.spend(usd=0.01)
    return False


def agent_loop(b: Budget, max_steps: int) -> None:
    steps = 0
    while steps < max_steps:
        steps += 1
        if step(b):
            break
        b.spend(usd=0.001)
    b.close()
