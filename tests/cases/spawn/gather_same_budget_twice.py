"""`gather(w(b), w(b))` creates two tasks reaching `b` in one call: BUD005 on that call (SPEC 5, Spawning)."""
import asyncio

from budgetlint import Budget


async def worker(q: str, budget: Budget) -> str:
    budget.spend(usd=0.01)
    return q


async def orchestrate() -> None:
    b = Budget(usd=5)
    answers = await asyncio.gather(worker("a", b), worker("b", b))  # expect: BUD005
    print(answers)
