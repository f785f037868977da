"""Comprehensions that split a fresh child per element never move the parent."""
from budgetlint import Budget


def allocate(b: Budget, names: list[str]) -> dict[str, Budget]:
    table = {n: b.split(usd=0.5) for n in names}
    spare = [b.split(usd=0.1) for _ in range(2)]
    b.spend(usd=0.01)
    for child in spare:
        b.reclaim(child)
    return table
