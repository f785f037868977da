"""`TaskGroup.create_task` with one `split_even` child per task is fine."""
import asyncio

from budgetlint import Budget


async def worker(q: str, budget: Budget) -> None:
    budget.spend(usd=0.01)


async def orchestrate(questions: list[str]) -> None:
    b = Budget(usd=5)
    kids = b.split_even(len(questions))
    async with asyncio.TaskGroup() as tg:
        for q, kid in zip(questions, kids):
            tg.create_task(worker(q, kid))
    print(b.remaining)
