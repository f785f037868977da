"""Passing a budget to a constructor whose `__init__` parameter is `Budget` moves it."""
from budgetlint import Budget


class SubAgent:
    def __init__(self, name: str, budget: Budget) -> None:
        self.name = name
        self.budget = budget


def orchestrate() -> None:
    b = Budget(usd=5)
    helper = SubAgent("helper", budget=b)
    print(helper.name)
    b.spend(usd=0.01)  # expect: BUD001
