"""Pickling a budget is a copy: BUD002 (the runtime raises TypeError)."""
import pickle

from budgetlint import Budget


def checkpoint(b: Budget) -> bytes:
    return pickle.dumps(b)  # expect: BUD002
