"""`pool.map(lambda q: w(q, b), qs)` runs the closure in several tasks reaching `b`: BUD005 (SPEC 5, Spawning)."""
from concurrent.futures import ThreadPoolExecutor

from budgetlint import Budget


def blocking_call(q: str, budget: Budget) -> str:
    budget.spend(usd=0.01)
    return q


def orchestrate(questions: list[str]) -> None:
    b = Budget(usd=5)
    with ThreadPoolExecutor(max_workers=4) as pool:
        answers = list(pool.map(lambda q: blocking_call(q, b), questions))  # expect: BUD005
    print(answers)
