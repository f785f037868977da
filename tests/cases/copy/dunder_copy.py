"""Calling `x.__copy__()` directly is a copy: BUD002."""
from budgetlint import Budget


def per_worker(b: Budget) -> object:
    return b.__copy__()  # type: ignore[attr-defined]  # expect: BUD002
