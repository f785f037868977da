"""`for`/`else`: commit then `break` in the body, release in the `else`: consumed exactly once."""
from budgetlint import Budget


def pick(b: Budget, candidates: list[str]) -> None:
    r = b.reserve(usd=0.05)
    for c in candidates:
        if c.startswith("ok"):
            r.commit(usd=0.02)
            break
    else:
        r.release()
