"""A call in an `if` test that takes ownership moves the budget before either branch runs: BUD001."""
from budgetlint import Budget


def accept(budget: Budget) -> bool:
    budget.spend(usd=0.01)
    return True


def orchestrate() -> None:
    b = Budget(usd=5)
    if accept(b):
        print("accepted")
    else:
        b.spend(usd=0.01)  # expect: BUD001
