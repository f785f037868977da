"""Copying plain values, and a budget's `Amount` snapshot, is fine."""
import copy

from budgetlint import Budget


def configure(settings: dict[str, str], b: Budget) -> None:
    local = copy.deepcopy(settings)
    left = copy.copy(b.remaining)
    print(local, left)
    b.spend(usd=0.01)
