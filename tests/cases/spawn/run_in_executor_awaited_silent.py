"""`await loop.run_in_executor(None, f, b)` is a borrow: the call ends before the statement does."""
import asyncio

from budgetlint import Budget


def blocking_call(budget: Budget) -> None:
    budget.spend(usd=0.01)


async def orchestrate() -> None:
    b = Budget(usd=5)
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, blocking_call, b)
    await loop.run_in_executor(None, blocking_call, b)
    b.spend(usd=0.01)
