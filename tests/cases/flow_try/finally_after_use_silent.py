"""A `finally` that only reads the budget, after a `try` that only borrowed it, is fine."""
from budgetlint import Budget


def orchestrate() -> None:
    b = Budget(usd=5)
    try:
        b.spend(usd=0.01)
    finally:
        print(b.remaining)
    b.close()
