"""`Executor.submit` with the same budget inside a loop is fan-out: BUD005."""
from concurrent.futures import ThreadPoolExecutor

from budgetlint import Budget


def blocking_call(budget: Budget, prompt: str) -> str:
    budget.spend(usd=0.01)
    return prompt


def orchestrate(prompts: list[str]) -> None:
    b = Budget(usd=5)
    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = []
        for p in prompts:
            futures.append(pool.submit(blocking_call, b, p))  # expect: BUD005
        for f in futures:
            print(f.result())
