"""Sending an owned budget into `create_task` moves it into the task: a later parent use is BUD001 (SPEC 5, Spawning)."""
import asyncio

from budgetlint import Budget


async def worker(budget: Budget) -> None:
    budget.spend(usd=0.01)


async def orchestrate() -> None:
    b = Budget(usd=5)
    task = asyncio.create_task(worker(b))
    b.spend(usd=0.01)  # expect: BUD001
    await task
