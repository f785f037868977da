"""Displays and comprehensions of fresh children never move the parent."""
from budgetlint import Budget


def allocate(names: list[str]) -> None:
    b = Budget(usd=10)
    pair = [b.split(usd=1), b.split(usd=1)]
    table = {name: b.split(usd=0.5) for name in names}
    print(len(pair), len(table))
    b.spend(usd=0.01)
