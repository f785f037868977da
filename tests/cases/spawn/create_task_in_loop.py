"""Sending one budget into a spawner inside a loop is fan-out: BUD005 (SPEC 6)."""
import asyncio

from budgetlint import Budget


async def worker(q: str, budget: Budget) -> str:
    budget.spend(usd=0.01)
    return q


async def orchestrate(questions: list[str]) -> None:
    b = Budget(usd=5)
    tasks = []
    for q in questions:
        tasks.append(asyncio.create_task(worker(q, b)))  # expect: BUD005
    await asyncio.gather(*tasks)
