"""A callee that takes ownership and hands a budget back: rebinding the result keeps `b` live."""
from budgetlint import Budget


def step(budget: Budget) -> Budget:
    budget.spend(usd=0.01)
    return budget


def orchestrate(rounds: int) -> None:
    b = Budget(usd=5)
    for _ in range(rounds):
        b = step(b)
    b.spend(usd=0.01)
