"""Replacing a field with a child of itself drops the old handle (affine values may be dropped)."""
from budgetlint import Budget


class Agent:
    def __init__(self, budget: Budget) -> None:
        self.budget = budget

    def shrink(self) -> None:
        self.budget = self.budget.split(usd=0.5)
