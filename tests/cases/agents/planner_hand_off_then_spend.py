"""Use after delegation: the planner receives the budget, and the parent keeps spending it (BUD001)."""
import asyncio

from budgetlint import Budget


async def call_llm(prompt: str) -> str:
    await asyncio.sleep(0)
    return prompt[::-1]


class Planner:
    def __init__(self, budget: Budget) -> None:
        self.budget = budget

    async def plan(self, goal: str) -> list[str]:
        self.budget.spend(usd=0.03, tokens=1_200)
        return (await call_llm(goal)).split()


async def orchestrate(goal: str) -> list[str]:
    b = Budget(usd=1.00, name="orchestrator")
    planner = Planner(b.delegate())
    steps = await planner.plan(goal)
    for step in steps:
        b.spend(usd=0.01, tokens=len(step))  # expect: BUD001
    return steps
