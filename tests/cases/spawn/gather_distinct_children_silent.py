"""An awaited `gather` of tasks with distinct children borrows them: they stay usable after it."""
import asyncio

from budgetlint import Budget


async def worker(q: str, budget: Budget) -> str:
    budget.spend(usd=0.01)
    return q


async def orchestrate(b: Budget) -> None:
    left = b.split(usd=1)
    right = b.split(usd=1)
    await asyncio.gather(worker("a", left), worker("b", right))
    b.reclaim(left)
    b.reclaim(right)
