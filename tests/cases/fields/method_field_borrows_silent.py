"""Methods that spend, split or lend `self.budget` only borrow it."""
from budgetlint import Borrowed, Budget


def inspect(budget: Borrowed[Budget]) -> None:
    print(budget.remaining)


class Agent:
    def __init__(self, budget: Budget) -> None:
        self.budget = budget

    def step(self) -> Budget:
        self.budget.spend(usd=0.01)
        inspect(self.budget)
        with self.budget.reserve(usd=0.05) as r:
            r.commit(usd=0.02)
        return self.budget.split(usd=0.10)
