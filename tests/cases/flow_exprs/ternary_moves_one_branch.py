"""A conditional expression that consumes the budget on one branch leaves it possibly moved (BUD001)."""
from budgetlint import Budget


def orchestrate(b: Budget, hand_over: bool) -> None:
    owner = b.delegate() if hand_over else None
    print(owner)
    b.spend(usd=0.01)  # expect: BUD001
