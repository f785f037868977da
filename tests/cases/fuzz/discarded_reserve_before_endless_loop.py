"""A reservation never bound leaks at once, even when the function never returns: BUD004 on its line (DECISIONS: must-use)."""
from budgetlint import Budget


def serve(b: Budget) -> None:
    b.reserve(usd=0.05)  # expect: BUD004
    while True:
        b.spend(usd=0.01)
