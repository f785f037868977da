"""A reservation returned by a function of the same file (its return annotation is visible) is the caller's to consume: BUD004."""
from budgetlint import Borrowed, Budget, Reservation


def reserve_for_call(b: Borrowed[Budget], tokens: int) -> Reservation:
    return b.reserve(usd=0.05, tokens=tokens)


def call_model(b: Budget) -> None:
    r = reserve_for_call(b, 1_000)  # expect: BUD004
    print(r)
