"""`create_task(w(b.delegate()))` consumes `b` before sending the new owner: a later use is BUD001."""
import asyncio

from budgetlint import Budget


async def worker(budget: Budget) -> None:
    budget.spend(usd=0.01)


async def orchestrate(b: Budget) -> None:
    task = asyncio.create_task(worker(b.delegate()))
    print(b.spent)  # expect: BUD001
    await task
