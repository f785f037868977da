"""A send inside a `while` loop reaches one task per iteration: BUD005."""
import asyncio

from budgetlint import Budget


async def worker(budget: Budget) -> None:
    budget.spend(usd=0.01)


async def orchestrate(n: int) -> list["asyncio.Task[None]"]:
    b = Budget(usd=5)
    tasks = []
    while n > 0:
        n -= 1
        tasks.append(asyncio.create_task(worker(b)))  # expect: BUD005
    return tasks
