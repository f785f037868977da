"""A move followed by `return` inside a loop is fine, and the code after the loop never sees it."""
from budgetlint import Budget


def run_sub_agent(q: str, budget: Budget) -> str:
    budget.spend(usd=0.01)
    return q


def first_answer(questions: list[str]) -> str:
    b = Budget(usd=5)
    for q in questions:
        if q:
            return run_sub_agent(q, b)
    b.spend(usd=0.01)
    return ""
