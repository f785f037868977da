"""A borrowed reservation carries no obligation: the owner consumes it."""
from budgetlint import Borrowed, Budget, Reservation


def inspect(r: Borrowed[Reservation]) -> None:
    print(r)


def call_model(b: Budget) -> None:
    r = b.reserve(usd=0.05)
    inspect(r)
    r.commit(usd=0.02)
