"""Appending a fresh `split` per iteration moves only the children."""
from budgetlint import Budget


def build_pool(size: int) -> list[Budget]:
    b = Budget(usd=10)
    pool: list[Budget] = []
    for _ in range(size):
        pool.append(b.split(usd=1))
    pool.append(b)
    return pool
