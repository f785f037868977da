"""`*budgets: Budget` owns each budget passed through it."""
from budgetlint import Budget


def close_all(*budgets: Budget) -> None:
    for budget in budgets:
        budget.close()


def orchestrate() -> None:
    a = Budget(usd=1)
    c = Budget(usd=2)
    close_all(a, c)
    c.spend(usd=0.01)  # expect: BUD001
