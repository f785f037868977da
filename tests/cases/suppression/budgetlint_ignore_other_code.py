"""`# budgetlint: ignore[BUD003]` does not silence a BUD004 on the same line."""
from budgetlint import Budget


def call_model(b: Budget) -> None:
    r = b.reserve(usd=0.05)  # budgetlint: ignore[BUD003]  # expect: BUD004
    print(r)
