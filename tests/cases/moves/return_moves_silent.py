"""`return x` moves the budget to the caller; nothing follows, so nothing is reported."""
from budgetlint import Budget


def make_child(parent: Budget, usd: float) -> Budget:
    child = parent.split(usd=usd)
    child.spend(usd=0.01)
    return child


def make_pair(parent: Budget) -> tuple[Budget, Budget]:
    left = parent.split(usd=1)
    right = parent.split(usd=1)
    return left, right
