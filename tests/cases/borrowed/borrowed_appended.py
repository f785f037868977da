"""Appending a borrowed budget to a list stores it: BUD006."""
from budgetlint import Borrowed, Budget


def remember(budget: Borrowed[Budget], seen: list[Budget]) -> None:
    seen.append(budget)  # expect: BUD006
