"""`loop.run_in_executor(None, f, b)` kept as a future sends `b` away: a later use is BUD001."""
import asyncio

from budgetlint import Budget


def blocking_call(budget: Budget) -> None:
    budget.spend(usd=0.01)


async def orchestrate() -> None:
    b = Budget(usd=5)
    loop = asyncio.get_running_loop()
    pending = loop.run_in_executor(None, blocking_call, b)
    b.spend(usd=0.01)  # expect: BUD001
    await pending
