"""An awaited `gather` reaching a borrowed budget from two tasks is still fan-out: BUD005."""
import asyncio

from budgetlint import Borrowed, Budget


async def worker(q: str, budget: Borrowed[Budget]) -> str:
    budget.spend(usd=0.01)
    return q


async def compare(budget: Borrowed[Budget]) -> list[str]:
    return list(await asyncio.gather(worker("a", budget), worker("b", budget)))  # expect: BUD005
