"""A closure handed to `run_in_executor` (not awaited here) sends its capture: a later use is BUD001."""
import asyncio

from budgetlint import Budget


def blocking_call(budget: Budget) -> None:
    budget.spend(usd=0.01)


async def orchestrate() -> None:
    b = Budget(usd=5)
    loop = asyncio.get_running_loop()
    pending = loop.run_in_executor(None, lambda: blocking_call(b))
    b.spend(usd=0.01)  # expect: BUD001
    await pending
