"""`finally` runs after the `try` body moved the budget: a use there is BUD001."""
from budgetlint import Budget


def run_sub_agent(budget: Budget) -> None:
    budget.spend(usd=0.01)


def orchestrate() -> None:
    b = Budget(usd=5)
    try:
        run_sub_agent(b)
    finally:
        print(b.remaining)  # expect: BUD001
