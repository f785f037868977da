"""`pool.map(f, qs, kids)` with one child per task: no budget reaches two tasks."""
from concurrent.futures import ThreadPoolExecutor

from budgetlint import Budget


def blocking_call(q: str, budget: Budget) -> str:
    budget.spend(usd=0.01)
    return q


def orchestrate(questions: list[str]) -> None:
    b = Budget(usd=5)
    kids = b.split_even(len(questions))
    with ThreadPoolExecutor(max_workers=4) as pool:
        answers = list(pool.map(blocking_call, questions, kids))
    print(answers, b.remaining)
