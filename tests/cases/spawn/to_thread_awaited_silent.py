"""`await asyncio.to_thread(f, b)` is joined in the same expression: a borrow (SPEC 5, Spawning)."""
import asyncio

from budgetlint import Budget


def blocking_call(budget: Budget, prompt: str) -> str:
    budget.spend(usd=0.01)
    return prompt


async def orchestrate() -> None:
    b = Budget(usd=5)
    first = await asyncio.to_thread(blocking_call, b, "plan")
    second = await asyncio.to_thread(blocking_call, b, first)
    print(second)
    b.spend(usd=0.01)
