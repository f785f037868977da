"""A closure handed to an awaited `run_in_executor` is a borrow."""
import asyncio

from budgetlint import Budget


def blocking_call(budget: Budget) -> None:
    budget.spend(usd=0.01)


async def orchestrate() -> None:
    b = Budget(usd=5)
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, lambda: blocking_call(b))
    b.spend(usd=0.01)
