"""A child split from a borrowed budget is owned by the callee: returning it is fine."""
from budgetlint import Borrowed, Budget


def carve(budget: Borrowed[Budget], usd: float) -> Budget:
    child = budget.split(usd=usd)
    return child
