"""The same misuse within one module: every front end finds it."""
from budgetlint import Budget


def hand_over(budget: Budget) -> None:
    budget.close()


def research() -> None:
    budget = Budget(usd=1)
    hand_over(budget)
    budget.spend(usd=0.1)  # expect: BUD001
