"""`pool.submit(f, b).result()` joins in the same expression: a borrow, even in a loop."""
from concurrent.futures import ThreadPoolExecutor

from budgetlint import Budget


def blocking_call(budget: Budget, prompt: str) -> str:
    budget.spend(usd=0.01)
    return prompt


def orchestrate(prompts: list[str]) -> list[str]:
    b = Budget(usd=5)
    answers = []
    with ThreadPoolExecutor(max_workers=4) as pool:
        for p in prompts:
            answers.append(pool.submit(blocking_call, b, p).result())
    b.spend(usd=0.01)
    return answers
