"""A TaskGroup orchestrator with one `split_even` child per sub-agent: silent."""
import asyncio

from budgetlint import Budget


async def call_llm(prompt: str) -> str:
    await asyncio.sleep(0)
    return prompt


async def sub_agent(task: str, budget: Budget, out: list[str]) -> None:
    with budget.reserve(usd=0.10) as r:
        out.append(await call_llm(task))
        r.commit(usd=0.05)


async def orchestrate(tasks: list[str]) -> list[str]:
    b = Budget(usd=1.00, name="orchestrator")
    out: list[str] = []
    kids = b.split_even(len(tasks))
    async with asyncio.TaskGroup() as tg:
        for task, kid in zip(tasks, kids):
            tg.create_task(sub_agent(task, kid, out))
    print(b.remaining)
    return out
