"""A worker that owns its budget: each coroutine took the budget when it
was made, so the comprehension moves it again on every item (BUD001 there,
as for any move in a loop); the gather adds nothing."""
import asyncio

from budgetlint import Budget


async def worker(q: str, budget: Budget) -> None:
    budget.spend(usd=0.01)


async def fan_out(qs: list[str]) -> None:
    b = Budget(usd=5)
    agents = [worker(q, b) for q in qs]  # expect: BUD001
    await asyncio.gather(*agents)
