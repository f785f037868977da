"""A budget sent with `TaskGroup.create_task` stays moved after the group exits (joined later, not in the same expression): BUD001."""
import asyncio

from budgetlint import Budget


async def worker(budget: Budget) -> None:
    budget.spend(usd=0.01)


async def orchestrate() -> None:
    b = Budget(usd=5)
    async with asyncio.TaskGroup() as tg:
        tg.create_task(worker(b))
    b.spend(usd=0.01)  # expect: BUD001
