"""A comprehension whose element moves the budget moves it on every element: BUD001 at the move."""
from budgetlint import Budget


def run_sub_agent(q: str, budget: Budget) -> str:
    budget.spend(usd=0.01)
    return q


def orchestrate(questions: list[str]) -> list[str]:
    b = Budget(usd=5)
    return [run_sub_agent(q, b) for q in questions]  # expect: BUD001
