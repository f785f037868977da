"""`copy.deepcopy(b)` copies a budget: BUD002."""
import copy

from budgetlint import Budget


def snapshot() -> None:
    b = Budget(usd=1)
    backup = copy.deepcopy(b)  # expect: BUD002
    print(backup)
    b.spend(usd=0.01)
