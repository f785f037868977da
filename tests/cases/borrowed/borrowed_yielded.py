"""Yielding a borrowed budget hands it out of the call: BUD006."""
from collections.abc import Iterator

from budgetlint import Borrowed, Budget


def lend(budget: Borrowed[Budget]) -> Iterator[Budget]:
    yield budget  # expect: BUD006
