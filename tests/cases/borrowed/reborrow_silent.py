"""`y = borrowed` re-borrows: `y` is borrowed too, and both stay usable (SPEC 5, Borrowed parameters)."""
from budgetlint import Borrowed, Budget


def step(budget: Borrowed[Budget]) -> None:
    alias = budget
    alias.spend(usd=0.01)
    budget.spend(usd=0.01)
    alias.spend(usd=0.01)
