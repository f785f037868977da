"""A comprehension that consumes its own target consumes a fresh value per element."""
from budgetlint import Budget, Usage


def close_children(b: Budget) -> list[Usage]:
    kids = b.split_even(3)
    return [k.close() for k in kids]
