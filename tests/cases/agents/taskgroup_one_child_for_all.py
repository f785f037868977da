"""A TaskGroup orchestrator that splits once and hands the same child to every task: BUD005."""
import asyncio

from budgetlint import Budget


async def sub_agent(task: str, budget: Budget) -> None:
    budget.spend(usd=0.05, tokens=len(task))


async def orchestrate(tasks: list[str]) -> None:
    b = Budget(usd=1.00, name="orchestrator")
    workers_budget = b.split(usd=0.50)
    async with asyncio.TaskGroup() as tg:
        for task in tasks:
            tg.create_task(sub_agent(task, workers_budget))  # expect: BUD005
