"""A move on an early-return path only is still a way to return with the field moved: BUD007."""
from budgetlint import Budget


def run_sub_agent(budget: Budget) -> None:
    budget.spend(usd=0.01)


class Agent:
    def __init__(self, budget: Budget) -> None:
        self.budget = budget

    def step(self, urgent: bool) -> None:
        if urgent:
            run_sub_agent(self.budget)  # expect: BUD007
            return
        self.budget.spend(usd=0.01)
