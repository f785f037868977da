"""A method that moves `self.budget` and stores a new budget before returning is fine."""
from budgetlint import Budget


def run_sub_agent(budget: Budget) -> Budget:
    budget.spend(usd=0.01)
    return budget


class Agent:
    def __init__(self, budget: Budget) -> None:
        self.budget = budget

    def rotate(self) -> None:
        owner = self.budget.delegate()
        self.budget = owner

    def round_trip(self) -> None:
        self.budget = run_sub_agent(self.budget)
