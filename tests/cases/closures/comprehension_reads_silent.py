"""Comprehensions that only read the budget borrow it."""
from budgetlint import Budget


def report(b: Budget, names: list[str]) -> list[str]:
    lines = [f"{n}: {b.remaining.usd}" for n in names]
    total = sum(len(n) for n in names if b.remaining.calls != 0)
    b.spend(usd=0.01)
    return lines + [str(total)]
