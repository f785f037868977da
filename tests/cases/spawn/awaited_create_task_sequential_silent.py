"""`await asyncio.create_task(w(b))` ends before the statement does: a borrow; sequential sends are fine."""
import asyncio

from budgetlint import Budget


async def worker(q: str, budget: Budget) -> str:
    budget.spend(usd=0.01)
    return q


async def orchestrate(questions: list[str]) -> None:
    b = Budget(usd=5)
    for q in questions:
        await asyncio.create_task(worker(q, b))
    b.spend(usd=0.01)
