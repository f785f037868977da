"""Retrying a refused reservation with a smaller amount: each bound reservation is consumed once."""
from budgetlint import Budget, BudgetExceeded


def ask(b: Budget, prompt: str) -> str:
    try:
        r = b.reserve(usd=0.50)
    except BudgetExceeded:
        r = b.reserve(usd=0.05)
    r.commit(usd=0.02)
    return prompt
