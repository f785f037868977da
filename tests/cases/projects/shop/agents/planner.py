"""A budget handed to an owning function of another module, then spent:
BUD001, seen through the other module's signature."""
from shop.budget import spend_all

from budgetlint import Budget


def plan() -> None:
    budget = Budget(usd=1)
    spend_all(budget)
    budget.spend(usd=0.1)  # expect-mypy: BUD001
