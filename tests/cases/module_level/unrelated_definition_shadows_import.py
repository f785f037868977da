"""A later definition rebinds an imported name: the call then reaches the
module's own ``copy``, which only reads its argument (an unannotated
parameter borrows), not ``copy.copy`` (a copy of a budget, BUD002)."""
from copy import copy

from budgetlint import Budget


def copy(value):  # noqa: F811
    return value


def caller() -> None:
    budget = Budget(usd=1)
    copy(budget)
    budget.spend(usd=1)
    budget.close()
