"""The catalog example of BUD007: a method consumes `self.budget` and returns with it moved."""
from budgetlint import Budget


class Agent:
    def __init__(self, budget: Budget) -> None:
        self.budget = budget

    def finish(self) -> None:
        self.budget.close()  # expect: BUD007
