"""Without the `else`, the loop can finish without committing: BUD004."""
from budgetlint import Budget


def pick(b: Budget, candidates: list[str]) -> None:
    r = b.reserve(usd=0.05)  # expect: BUD004
    for c in candidates:
        if c.startswith("ok"):
            r.commit(usd=0.02)
            break
