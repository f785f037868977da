"""A set display `{x}` moves the budget into the set (SPEC 4, escape row)."""
from budgetlint import Budget


def allocate() -> set[Budget]:
    b = Budget(usd=1)
    live = {b}
    b.spend(usd=0.01)  # expect: BUD001
    return live
