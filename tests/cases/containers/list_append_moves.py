"""`lst.append(x)` moves the budget into the list (SPEC 4, escape row)."""
from budgetlint import Budget


def collect() -> list[Budget]:
    pool: list[Budget] = []
    b = Budget(usd=1)
    pool.append(b)
    b.spend(usd=0.01)  # expect: BUD001
    return pool
