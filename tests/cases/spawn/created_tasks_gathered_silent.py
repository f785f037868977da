"""Tasks created in a comprehension with one child each, then gathered: silent."""
import asyncio

from budgetlint import Budget


async def worker(q: str, budget: Budget) -> str:
    budget.spend(usd=0.01)
    return q


async def orchestrate(questions: list[str]) -> list[str]:
    b = Budget(usd=5)
    kids = b.split_even(len(questions))
    tasks = [asyncio.create_task(worker(q, k)) for q, k in zip(questions, kids)]
    return list(await asyncio.gather(*tasks))
