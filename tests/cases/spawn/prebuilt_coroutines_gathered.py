"""Coroutines built first and gathered later start together: each borrowed
the one budget, so it reaches every task (BUD005 at the gather)."""
import asyncio

from budgetlint import Borrowed, Budget


async def worker(q, budget):
    budget.spend(usd=0.01)


async def lent(q: str, budget: Borrowed[Budget]) -> None:
    budget.spend(usd=0.01)


async def listed(qs: list[str]) -> None:
    b = Budget(usd=5)
    agents = [worker(q, b) for q in qs]
    await asyncio.gather(*agents)  # expect: BUD005


async def generated(qs: list[str]) -> None:
    b = Budget(usd=5)
    agents = (lent(q, b) for q in qs)
    await asyncio.gather(*agents)  # expect: BUD005


async def appended(qs: list[str]) -> None:
    b = Budget(usd=5)
    tasks = []
    for q in qs:
        tasks.append(worker(q, b))
    await asyncio.gather(*tasks)  # expect: BUD005


async def named(qs: list[str]) -> None:
    b = Budget(usd=5)
    first = worker("a", b)
    second = lent("b", b)
    await asyncio.gather(first, second)  # expect: BUD005
