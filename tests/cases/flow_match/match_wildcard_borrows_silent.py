"""`case _:` binds nothing: it does not move the subject."""
from budgetlint import Budget


def route(b: Budget) -> None:
    match b:
        case _:
            b.spend(usd=0.01)
    b.spend(usd=0.01)
