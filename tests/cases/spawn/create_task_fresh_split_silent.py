"""A fresh `split` per task sends only the child: no fan-out, the parent stays live."""
import asyncio

from budgetlint import Budget


async def worker(q: str, budget: Budget) -> str:
    budget.spend(usd=0.01)
    return q


async def orchestrate(questions: list[str]) -> None:
    b = Budget(usd=5)
    tasks = []
    for q in questions:
        tasks.append(asyncio.create_task(worker(q, b.split(usd=0.50))))
    await asyncio.gather(*tasks)
    b.spend(usd=0.01)
