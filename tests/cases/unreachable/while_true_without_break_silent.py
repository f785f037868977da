"""Code after `while True:` without `break` is unreachable."""
from budgetlint import Budget


def serve(b: Budget, inbox: list[str]) -> None:
    while True:
        if inbox:
            owner = b.delegate()
            owner.spend(usd=0.01)
            return
        b.spend(usd=0.001)
    b.spend(usd=0.01)
