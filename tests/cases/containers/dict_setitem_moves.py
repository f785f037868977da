"""`d[k] = x` moves the budget into the dict (SPEC 4, escape row)."""
from budgetlint import Budget


def register(registry: dict[str, Budget], name: str) -> None:
    b = Budget(usd=1)
    registry[name] = b
    b.spend(usd=0.01)  # expect: BUD001
