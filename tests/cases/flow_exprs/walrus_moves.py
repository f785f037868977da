"""`(y := x)` moves like `y = x`: a later use of `x` is BUD001."""
from budgetlint import Budget


def orchestrate(b: Budget) -> None:
    if (owner := b.delegate()).remaining.calls != 0:
        owner.spend(usd=0.01)
    b.spend(usd=0.01)  # expect: BUD001
