"""A refused `reserve` raises before binding `r`: the handler owes nothing."""
from budgetlint import Budget, BudgetExceeded


def ask(b: Budget, prompt: str) -> str | None:
    try:
        r = b.reserve(usd=0.05)
    except BudgetExceeded:
        return None
    r.commit(usd=0.02)
    return prompt
