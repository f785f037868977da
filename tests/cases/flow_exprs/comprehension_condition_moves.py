"""A comprehension's `if` clause that consumes the budget runs once per element: BUD001 at the move."""
from budgetlint import Budget


def accept(q: str, budget: Budget) -> bool:
    budget.spend(usd=0.01)
    return bool(q)


def keep(b: Budget, questions: list[str]) -> list[str]:
    return [q for q in questions if accept(q, b)]  # expect: BUD001
