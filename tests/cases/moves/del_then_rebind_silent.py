"""`del b` is not a use, and rebinding after it makes `b` live again."""
from budgetlint import Budget


def reset(b: Budget) -> None:
    b.spend(usd=0.01)
    del b
    b = Budget(usd=1)
    b.spend(usd=0.01)
