"""After storing a budget in a dict, rebinding the name makes it live again."""
from budgetlint import Budget


def register(registry: dict[str, Budget]) -> None:
    b = Budget(usd=1)
    registry["first"] = b
    b = Budget(usd=2)
    registry["second"] = b
