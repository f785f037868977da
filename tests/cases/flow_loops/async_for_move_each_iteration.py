"""`async for` is a loop too: moving the budget on every item is BUD001 at the move."""
from collections.abc import AsyncIterator

from budgetlint import Budget


async def stream() -> AsyncIterator[str]:
    yield "chunk"


async def run_sub_agent(chunk: str, budget: Budget) -> None:
    budget.spend(usd=0.01)


async def orchestrate() -> None:
    b = Budget(usd=5)
    async for chunk in stream():
        await run_sub_agent(chunk, b)  # expect: BUD001
