"""`y: Budget = x` is a move like the plain assignment (SPEC 4, first row)."""
from budgetlint import Budget


def orchestrate() -> None:
    b = Budget(usd=5)
    owned: Budget = b
    owned.spend(usd=0.10)
    print(b.remaining)  # expect: BUD001
