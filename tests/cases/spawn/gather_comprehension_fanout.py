"""The catalog example of BUD005: `gather(*[w(q, b) for q in qs])`."""
import asyncio

from budgetlint import Budget


async def worker(q: str, budget: Budget) -> None: ...


async def fan_out(qs: list[str]) -> None:
    b = Budget(usd=5)
    await asyncio.gather(*[worker(q, b) for q in qs])  # expect: BUD005
