"""`a, c = x, z` moves `x` into `a` (SPEC 4, first row)."""
from budgetlint import Budget


def orchestrate(label: str) -> None:
    b = Budget(usd=5)
    mine, name = b, label
    mine.spend(usd=0.10)
    b.spend(usd=0.01)  # expect: BUD001
