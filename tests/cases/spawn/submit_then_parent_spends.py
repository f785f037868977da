"""`Executor.submit(f, b)` whose future is kept sends `b` into the worker: a later use is BUD001."""
from concurrent.futures import Executor

from budgetlint import Budget


def blocking_call(budget: Budget) -> None:
    budget.spend(usd=0.01)


def orchestrate(pool: Executor) -> None:
    b = Budget(usd=5)
    future = pool.submit(blocking_call, b)
    b.spend(usd=0.01)  # expect: BUD001
    future.result()
