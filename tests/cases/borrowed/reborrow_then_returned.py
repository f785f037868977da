"""A re-borrow is itself borrowed: returning it is BUD006."""
from budgetlint import Borrowed, Budget


def pick(budget: Borrowed[Budget]) -> Budget:
    alias = budget
    return alias  # expect: BUD006
