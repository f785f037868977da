"""The right operand of `or` runs only when the left is falsy: a move there leaves the budget possibly moved (BUD001)."""
from budgetlint import Budget


def accept(budget: Budget) -> bool:
    budget.spend(usd=0.01)
    return True


def orchestrate(cached: bool) -> None:
    b = Budget(usd=5)
    if cached or accept(b):
        print("done")
    b.spend(usd=0.01)  # expect: BUD001
