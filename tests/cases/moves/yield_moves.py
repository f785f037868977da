"""`yield x` moves the budget out to the consumer (SPEC 4): a use after it is BUD001."""
from collections.abc import Iterator

from budgetlint import Budget


def lend(b: Budget) -> Iterator[Budget]:
    yield b
    b.spend(usd=0.01)  # expect: BUD001
