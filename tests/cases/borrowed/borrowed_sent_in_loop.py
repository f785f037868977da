"""A borrowed budget sent in a loop: BUD006 wins over BUD005 (SPEC 5, Precedence)."""
from concurrent.futures import Executor, Future

from budgetlint import Borrowed, Budget


def blocking_call(budget: Budget, prompt: str) -> str:
    budget.spend(usd=0.01)
    return prompt


def fan_out(pool: Executor, budget: Borrowed[Budget], prompts: list[str]) -> list[Future[str]]:
    futures = []
    for p in prompts:
        futures.append(pool.submit(blocking_call, budget, p))  # expect: BUD006
    return futures
