"""Awaiting `run_in_executor` on every iteration lends the budget to one job at a time: silent."""
import asyncio

from budgetlint import Budget


def blocking_call(budget: Budget, prompt: str) -> str:
    budget.spend(usd=0.01)
    return prompt


async def orchestrate(prompts: list[str]) -> list[str]:
    b = Budget(usd=5)
    loop = asyncio.get_running_loop()
    answers = []
    for p in prompts:
        answers.append(await loop.run_in_executor(None, blocking_call, b, p))
    b.spend(usd=0.01)
    return answers
