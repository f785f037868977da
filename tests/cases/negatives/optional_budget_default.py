"""An optional budget parameter filled in when missing, then used: silent."""
from budgetlint import Budget


def run(prompt: str, budget: Budget | None = None) -> None:
    if budget is None:
        budget = Budget(usd=0.10)
    budget.spend(usd=0.01, tokens=len(prompt))
    budget.spend(usd=0.01)
