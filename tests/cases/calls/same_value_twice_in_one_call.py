"""The same budget moved twice in one call (two owning parameters) is BUD001 (SPEC 5, Calls)."""
from budgetlint import Budget


def merge(primary: Budget, secondary: Budget) -> Budget:
    primary.reclaim(secondary)
    return primary


def orchestrate() -> None:
    b = Budget(usd=5)
    merged = merge(b, b)  # expect: BUD001
    merged.spend(usd=0.01)
