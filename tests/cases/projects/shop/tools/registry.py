"""Tools borrow the budget they are given."""
from budgetlint import Borrowed, Budget


def call_tool(name: str, budget: Borrowed[Budget]) -> str:
    budget.spend(usd=0.01)
    return name
