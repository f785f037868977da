"""`and`/`or` operands that only read the budget borrow it."""
from budgetlint import Budget


def orchestrate(b: Budget, ready: bool) -> None:
    if ready and b.remaining.calls != 0:
        b.spend(usd=0.01)
    note = b.remaining.usd or "uncapped"
    print(note)
    b.spend(usd=0.01)
