"""Sending a reservation into one task moves its obligation into the task."""
import asyncio

from budgetlint import Budget, Reservation


async def settle(r: Reservation) -> None:
    r.commit(usd=0.01)


async def orchestrate(b: Budget) -> None:
    r = b.reserve(usd=0.05)
    task = asyncio.create_task(settle(r))
    b.spend(usd=0.01)
    await task
