"""A tuple display `(x, ...)` moves the budget into the tuple (SPEC 4, escape row)."""
from budgetlint import Budget


def pair_up(name: str) -> tuple[str, Budget]:
    b = Budget(usd=1)
    entry = (name, b)
    print(b.remaining)  # expect: BUD001
    return entry
