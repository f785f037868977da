"""Two `TaskGroup.create_task` calls with the same budget: BUD005 at the second."""
import asyncio

from budgetlint import Budget


async def worker(budget: Budget) -> None:
    budget.spend(usd=0.01)


async def orchestrate() -> None:
    b = Budget(usd=5)
    async with asyncio.TaskGroup() as tg:
        tg.create_task(worker(b))
        tg.create_task(worker(b))  # expect: BUD005
