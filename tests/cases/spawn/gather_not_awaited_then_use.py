"""A `gather` kept for later is not awaited in the same expression: its budgets are sent, and a use is BUD001."""
import asyncio

from budgetlint import Budget


async def worker(budget: Budget) -> None:
    budget.spend(usd=0.01)


async def orchestrate() -> None:
    b = Budget(usd=5)
    c = Budget(usd=5)
    pending = asyncio.gather(worker(b), worker(c))
    b.spend(usd=0.01)  # expect: BUD001
    await pending
