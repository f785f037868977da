"""A scoped budget inside a `try` whose handler does not touch it."""
from budgetlint import Budget, BudgetExceeded


def run_job() -> bool:
    try:
        with Budget(usd=1) as b:
            b.spend(usd=0.50)
            b.spend(usd=0.60)
    except BudgetExceeded:
        return False
    return True
