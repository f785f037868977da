"""Settled case: `case Budget() as b2:` binds the subject itself, moving it into `b2`: a use of the subject is BUD001."""
from budgetlint import Budget


def route(b: Budget) -> None:
    match b:
        case Budget() as owned:
            owned.spend(usd=0.01)
            b.spend(usd=0.01)  # expect: BUD001
