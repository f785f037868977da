"""`copy.copy(b)` copies a budget: always BUD002 (SPEC 4, copy row)."""
import copy

from budgetlint import Budget


def per_worker(b: Budget) -> Budget:
    return copy.copy(b)  # expect: BUD002
