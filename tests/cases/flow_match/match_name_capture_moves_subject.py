"""Settled case: `case x:` captures the subject, moving it: a use of the subject after the `match` is BUD001."""
from budgetlint import Budget


def route(b: Budget) -> None:
    match b:
        case owned:
            owned.spend(usd=0.01)
    b.spend(usd=0.01)  # expect: BUD001
