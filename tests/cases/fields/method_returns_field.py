"""Returning `self.budget` moves it out of the object: BUD007 at the return."""
from budgetlint import Budget


class Agent:
    def __init__(self, budget: Budget) -> None:
        self.budget = budget

    def take_budget(self) -> Budget:
        return self.budget  # expect: BUD007
