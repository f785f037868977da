"""Sending a borrowed budget into a task that outlives the call is BUD006."""
import asyncio

from budgetlint import Borrowed, Budget


async def worker(budget: Budget) -> None:
    budget.spend(usd=0.01)


def start(budget: Borrowed[Budget]) -> "asyncio.Task[None]":
    return asyncio.create_task(worker(budget))  # expect: BUD006
