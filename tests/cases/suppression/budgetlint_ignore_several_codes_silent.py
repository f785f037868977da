"""`# budgetlint: ignore[...]` accepts a comma-separated list of codes."""
import asyncio

from budgetlint import Budget


async def worker(q: str, budget: Budget) -> None:
    budget.spend(usd=0.01)


async def fan_out(qs: list[str]) -> None:
    b = Budget(usd=5)
    await asyncio.gather(*[worker(q, b) for q in qs])  # budgetlint: ignore[BUD001, BUD005]
