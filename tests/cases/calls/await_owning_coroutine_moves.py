"""`await run(b)` of a plain coroutine function whose parameter is `Budget` moves `b` (not a spawner)."""
from budgetlint import Budget


async def run_sub_agent(budget: Budget) -> None:
    budget.spend(usd=0.01)


async def orchestrate() -> None:
    b = Budget(usd=5)
    await run_sub_agent(b)
    await run_sub_agent(b)  # expect: BUD001
