"""A reservation that is never bound leaks at once: BUD004 on the line that created it."""
from budgetlint import Budget


def warm_up(b: Budget) -> None:
    b.reserve(usd=0.05)  # expect: BUD004
    b.spend(usd=0.01)
