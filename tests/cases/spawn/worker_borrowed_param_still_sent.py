"""A task outlives the statement that spawned it: a `Borrowed` worker parameter does not make the send a borrow (BUD001)."""
import asyncio

from budgetlint import Borrowed, Budget


async def worker(budget: Borrowed[Budget]) -> None:
    budget.spend(usd=0.01)


async def orchestrate() -> None:
    b = Budget(usd=5)
    task = asyncio.create_task(worker(b))
    b.spend(usd=0.01)  # expect: BUD001
    await task
