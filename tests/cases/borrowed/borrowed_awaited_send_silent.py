"""An awaited send is a borrow, so a borrowed budget may be lent to it (sequentially)."""
import asyncio

from budgetlint import Borrowed, Budget


def blocking_call(budget: Borrowed[Budget], prompt: str) -> str:
    budget.spend(usd=0.01)
    return prompt


async def ask_twice(budget: Borrowed[Budget]) -> str:
    first = await asyncio.to_thread(blocking_call, budget, "draft")
    return await asyncio.to_thread(blocking_call, budget, first)
