"""The catalog fix of BUD006: take ownership of the budget you store."""
from budgetlint import Budget


class Agent:
    def attach(self, budget: Budget) -> None:
        self.budget = budget
