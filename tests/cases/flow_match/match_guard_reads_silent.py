"""A guard that reads the budget borrows it."""
from budgetlint import Budget


def route(b: Budget, mode: str) -> None:
    match mode:
        case "deep" if b.remaining.calls != 0:
            b.spend(usd=0.05)
        case _:
            b.spend(usd=0.001)
    b.spend(usd=0.01)
