"""Coroutines built first and then awaited one by one, or each holding its
own child budget, or never more than one: silent."""
import asyncio

from budgetlint import Budget


async def worker(q, budget):
    budget.spend(usd=0.01)


async def one_by_one(qs: list[str]) -> None:
    b = Budget(usd=5)
    agents = [worker(q, b) for q in qs]
    for agent in agents:
        await agent
    for q in qs:
        job = worker(q, b)
        await job


async def a_child_each(qs: list[str]) -> None:
    b = Budget(usd=5)
    agents = [worker(q, b.split(usd=1)) for q in qs]
    await asyncio.gather(*agents)
    tasks = []
    for q, kid in zip(qs, b.split_even(len(qs))):
        tasks.append(worker(q, kid))
    await asyncio.gather(*tasks)


async def only_one(qs: list[str]) -> None:
    b = Budget(usd=5)
    job = worker("a", b)
    await asyncio.gather(job)
    tasks = []
    tasks.append(worker("b", b))
    await asyncio.gather(*tasks)


async def rebound(qs: list[str]) -> None:
    b = Budget(usd=5)
    agents = [worker(q, b) for q in qs]
    agents = []
    await asyncio.gather(*agents)
