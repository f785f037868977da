"""A reservation popped from a typed list is owned; only mypy sees its type here (no annotation or constructor)."""
from budgetlint import Reservation


def drain_one(pending: list[Reservation]) -> None:
    r = pending.pop()  # expect-mypy: BUD004
    print(r)
