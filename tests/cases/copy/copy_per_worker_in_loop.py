"""A copy inside a loop is one site: one BUD002, reported once."""
import copy

from budgetlint import Budget


def start_workers(b: Budget, n: int) -> list[Budget]:
    budgets: list[Budget] = []
    for _ in range(n):
        budgets.append(copy.copy(b))  # expect: BUD002
    return budgets
