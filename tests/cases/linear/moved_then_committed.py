"""After `r2 = r` the obligation moved to `r2`: consuming `r` is BUD003."""
from budgetlint import Budget


def call_model(b: Budget) -> None:
    r = b.reserve(usd=0.05)
    r2 = r
    r2.commit(usd=0.02)
    r.release()  # expect: BUD003
