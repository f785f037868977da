"""Copying a borrowed budget is still a copy: BUD002 (copying is not an escape)."""
import copy

from budgetlint import Borrowed, Budget


def peek(budget: Borrowed[Budget]) -> None:
    twin = copy.deepcopy(budget)  # expect: BUD002
    print(twin)
