"""trio's `nursery.start_soon(f, x)` sends `x` into the task: a later use by the parent is BUD001."""
import trio

from budgetlint import Budget


async def worker(budget: Budget) -> None:
    budget.spend(usd=0.01)


async def orchestrate() -> None:
    b = Budget(usd=5)
    async with trio.open_nursery() as nursery:
        nursery.start_soon(worker, b)
        b.spend(usd=0.01)  # expect: BUD001
