"""A `@consumes` method may hand its budget back to the caller."""
from budgetlint import Budget, affine, consumes


@affine
class Agent:
    def __init__(self, budget: Budget) -> None:
        self.budget = budget

    @consumes
    def into_budget(self) -> Budget:
        return self.budget
