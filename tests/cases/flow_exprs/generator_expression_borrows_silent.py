"""A generator expression consumed in place (by `sum`) only borrows what it reads."""
from budgetlint import Budget


def total_calls(b: Budget, rounds: list[int]) -> int:
    used = sum(r for r in rounds if b.remaining.calls != 0)
    b.spend(usd=0.01)
    return used
