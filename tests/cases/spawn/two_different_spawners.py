"""The same budget sent by two different spawners (a task and a thread-pool job) is BUD005 at the second."""
import asyncio
from concurrent.futures import Executor

from budgetlint import Budget


async def worker(budget: Budget) -> None:
    budget.spend(usd=0.01)


def blocking_call(budget: Budget) -> None:
    budget.spend(usd=0.01)


async def orchestrate(pool: Executor) -> None:
    b = Budget(usd=5)
    task = asyncio.create_task(worker(b))
    future = pool.submit(blocking_call, b)  # expect: BUD005
    await task
    future.result()
