"""A fresh split per task, made in the comprehension that builds the
coroutines: each task holds its own child, the parent stays here. Silent."""
import asyncio

from budgetlint import Budget


async def worker(q, budget):
    budget.spend(usd=0.01)


async def fan_out(qs: list[str]) -> None:
    b = Budget(usd=5)
    await asyncio.gather(*[worker(q, b.split(usd=1)) for q in qs])
    await asyncio.gather(*(worker(q, kid) for q, kid in zip(qs, b.split_even(len(qs)))))
    b.close()
