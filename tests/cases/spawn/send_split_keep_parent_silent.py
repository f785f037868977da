"""Sending a child into a task and spending the parent meanwhile is fine."""
import asyncio

from budgetlint import Budget


async def worker(budget: Budget) -> None:
    budget.spend(usd=0.01)


async def orchestrate() -> None:
    b = Budget(usd=5)
    task = asyncio.create_task(worker(b.split(usd=1)))
    b.spend(usd=0.01)
    await task
    b.spend(usd=0.01)
