"""A method that sends `self.budget` into a task moves it out of the object: BUD007 at the send."""
import asyncio

from budgetlint import Budget


async def worker(budget: Budget) -> None:
    budget.spend(usd=0.01)


class Agent:
    def __init__(self, budget: Budget) -> None:
        self.budget = budget

    def start(self) -> "asyncio.Task[None]":
        return asyncio.create_task(worker(self.budget))  # expect: BUD007
