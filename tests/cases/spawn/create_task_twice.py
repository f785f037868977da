"""A second send of the same budget into another task is BUD005 (SPEC 5, Spawning)."""
import asyncio

from budgetlint import Budget


async def worker(name: str, budget: Budget) -> None:
    budget.spend(usd=0.01)


async def orchestrate() -> None:
    b = Budget(usd=5)
    first = asyncio.create_task(worker("a", b))
    second = asyncio.create_task(worker("b", b))  # expect: BUD005
    await first
    await second
