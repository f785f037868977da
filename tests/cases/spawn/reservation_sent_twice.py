"""A reservation sent into two tasks: BUD005 wins over BUD003 (SPEC 5, Precedence)."""
import asyncio

from budgetlint import Budget, Reservation


async def settle(r: Reservation) -> None:
    r.commit(usd=0.01)


async def orchestrate(b: Budget) -> None:
    r = b.reserve(usd=0.05)
    first = asyncio.create_task(settle(r))
    second = asyncio.create_task(settle(r))  # expect: BUD005
    await asyncio.gather(first, second)
