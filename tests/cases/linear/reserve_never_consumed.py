"""A reservation never committed nor released leaks: BUD004 at the line that created it."""
from budgetlint import Budget


def call_model(b: Budget) -> None:
    r = b.reserve(usd=0.05)  # expect: BUD004
    print(r)
