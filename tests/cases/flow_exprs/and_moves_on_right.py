"""The right operand of `and` runs on some paths only: a move there leaves the budget possibly moved (BUD001)."""
from budgetlint import Budget


def accept(budget: Budget) -> bool:
    budget.spend(usd=0.01)
    return True


def orchestrate(ready: bool) -> None:
    b = Budget(usd=5)
    ok = ready and accept(b)
    print(ok)
    b.spend(usd=0.01)  # expect: BUD001
