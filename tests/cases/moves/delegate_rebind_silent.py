"""`b = b.delegate()` consumes the old handle and rebinds the name: `b` is live again."""
from budgetlint import Budget


def refresh(b: Budget) -> None:
    b = b.delegate()
    b.spend(usd=0.01)
    b.spend(usd=0.02)
