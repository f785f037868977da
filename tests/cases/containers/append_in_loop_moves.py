"""Appending the same budget on every iteration moves it again: BUD001 at the move (SPEC 5, loops)."""
from budgetlint import Budget


def build_pool(size: int) -> list[Budget]:
    b = Budget(usd=1)
    pool: list[Budget] = []
    for _ in range(size):
        pool.append(b)  # expect: BUD001
    return pool
