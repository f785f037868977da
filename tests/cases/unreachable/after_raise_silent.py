"""Code after `raise` is unreachable: nothing there is reported."""
from budgetlint import Budget


def orchestrate(b: Budget) -> None:
    owner = b.delegate()
    owner.spend(usd=0.01)
    raise RuntimeError("handed off")
    b.spend(usd=0.01)
