"""A fresh split per task does not excuse passing the parent too."""
import asyncio

from budgetlint import Budget


async def worker(q, child, parent):
    child.spend(usd=0.01)


async def fan_out(qs: list[str]) -> None:
    b = Budget(usd=5)
    await asyncio.gather(*[worker(q, b.split(usd=1), b) for q in qs])  # expect: BUD005
