"""A dict display `{k: x}` moves the budget into the dict (SPEC 4, escape row)."""
from budgetlint import Budget


def allocate() -> dict[str, Budget]:
    b = Budget(usd=1)
    table = {"main": b}
    b.spend(usd=0.01)  # expect: BUD001
    return table
