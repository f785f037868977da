"""A sub-agent borrows its child budget; the parent reclaims the child's remainder afterwards: silent."""
import asyncio

from budgetlint import Borrowed, Budget


async def call_llm(prompt: str) -> str:
    await asyncio.sleep(0)
    return prompt


async def sub_agent(task: str, budget: Borrowed[Budget]) -> str:
    budget.spend(usd=0.05, tokens=len(task))
    return await call_llm(task)


async def orchestrate(tasks: list[str]) -> list[str]:
    b = Budget(usd=1.00, name="orchestrator")
    results = []
    for task in tasks:
        child = b.split(usd=0.10)
        results.append(await sub_agent(task, child))
        b.reclaim(child)
    return results
