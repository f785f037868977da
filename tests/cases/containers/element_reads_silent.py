"""Reading budgets held in a container borrows them (subscripts are not tracked places)."""
from budgetlint import Budget


def spend_all(pool: list[Budget], registry: dict[str, Budget]) -> None:
    pool[0].spend(usd=0.01)
    pool[0].spend(usd=0.01)
    registry["main"].spend(usd=0.01)
    print(registry["main"].remaining)
