"""Settled case: a class pattern without a binding borrows the subject."""
from budgetlint import Budget


def route(b: Budget | None) -> None:
    match b:
        case Budget():
            b.spend(usd=0.01)
        case None:
            print("no budget")
    if b is not None:
        b.spend(usd=0.01)
