"""The catalog fix of BUD005: one `split_even` child per task."""
import asyncio

from budgetlint import Budget


async def worker(q: str, budget: Budget) -> None: ...


async def fan_out(qs: list[str]) -> None:
    b = Budget(usd=5)
    kids = b.split_even(len(qs))
    await asyncio.gather(*[worker(q, k) for q, k in zip(qs, kids)])
