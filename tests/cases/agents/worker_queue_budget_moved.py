"""Budgets handed out through an `asyncio.Queue`: the worker owns what it takes; only mypy sees the element type."""
import asyncio

from budgetlint import Budget


async def run_job(budget: Budget) -> None:
    budget.spend(usd=0.01)


async def worker(queue: "asyncio.Queue[Budget]") -> None:
    b = await queue.get()
    await run_job(b)
    b.spend(usd=0.01)  # expect-mypy: BUD001
    queue.task_done()
