"""anyio's `start_soon` with a fresh split per task is fine."""
import anyio

from budgetlint import Budget


async def worker(q: str, budget: Budget) -> None:
    budget.spend(usd=0.01)


async def orchestrate(questions: list[str]) -> None:
    b = Budget(usd=5)
    async with anyio.create_task_group() as tg:
        for q in questions:
            tg.start_soon(worker, q, b.split(usd=0.5))
    b.spend(usd=0.01)
