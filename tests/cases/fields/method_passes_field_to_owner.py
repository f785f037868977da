"""Passing `self.budget` to an owning parameter moves it: BUD007 when the method can return like that."""
from budgetlint import Budget


def run_sub_agent(budget: Budget) -> None:
    budget.spend(usd=0.01)


class Agent:
    def __init__(self, budget: Budget) -> None:
        self.budget = budget

    def delegate_work(self) -> None:
        run_sub_agent(self.budget)  # expect: BUD007
        print("delegated")
