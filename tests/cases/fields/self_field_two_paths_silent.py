"""Each path that moves `self.budget` re-initialises it before the method returns."""
from budgetlint import Budget


def run_sub_agent(budget: Budget) -> Budget:
    budget.spend(usd=0.01)
    return budget


class Agent:
    def __init__(self, budget: Budget) -> None:
        self.budget = budget

    def step(self, mode: str) -> None:
        if mode == "delegate":
            self.budget = run_sub_agent(self.budget)
        elif mode == "reset":
            self.budget.close()
            self.budget = Budget(usd=1)
        else:
            self.budget.spend(usd=0.01)
