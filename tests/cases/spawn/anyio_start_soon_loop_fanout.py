"""anyio's `start_soon(f, x)` is a spawner: the same budget started in a loop is fan-out (BUD005)."""
import anyio

from budgetlint import Budget


async def worker(q: str, budget: Budget) -> None:
    budget.spend(usd=0.01)


async def orchestrate(questions: list[str]) -> None:
    b = Budget(usd=5)
    async with anyio.create_task_group() as tg:
        for q in questions:
            tg.start_soon(worker, q, b)  # expect: BUD005
