"""Reclaiming a child that was sent into a still-running task: the child has moved (BUD001)."""
import asyncio

from budgetlint import Budget


async def call_llm(prompt: str) -> str:
    await asyncio.sleep(0)
    return prompt


async def sub_agent(task: str, budget: Budget) -> str:
    budget.spend(usd=0.05, tokens=len(task))
    return await call_llm(task)


async def orchestrate(task: str) -> str:
    b = Budget(usd=1.00, name="orchestrator")
    child = b.split(usd=0.10)
    pending = asyncio.create_task(sub_agent(task, child))
    b.reclaim(child)  # expect: BUD001
    return await pending
