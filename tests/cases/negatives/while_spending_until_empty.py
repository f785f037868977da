"""Spending until the budget refuses: every iteration borrows it."""
from budgetlint import Budget, BudgetExceeded


def drain(b: Budget) -> int:
    calls = 0
    while True:
        try:
            b.spend(usd=0.01)
        except BudgetExceeded:
            break
        calls += 1
    b.close()
    return calls
