"""`TaskGroup.create_task` with the same budget in a loop is fan-out: BUD005."""
import asyncio

from budgetlint import Budget


async def worker(q: str, budget: Budget) -> None:
    budget.spend(usd=0.01)


async def orchestrate(questions: list[str]) -> None:
    b = Budget(usd=5)
    async with asyncio.TaskGroup() as tg:
        for q in questions:
            tg.create_task(worker(q, b))  # expect: BUD005
