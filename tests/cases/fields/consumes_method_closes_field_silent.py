"""The catalog fix of BUD007: a `@consumes` method may move its fields."""
from budgetlint import Budget, consumes


class Agent:
    def __init__(self, budget: Budget) -> None:
        self.budget = budget

    @consumes
    def finish(self) -> None:
        self.budget.close()
