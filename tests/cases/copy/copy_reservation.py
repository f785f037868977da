"""A reservation is affine too: copying it is BUD002."""
import copy

from budgetlint import Budget


def duplicate(b: Budget) -> None:
    r = b.reserve(usd=0.05)
    twin = copy.copy(r)  # expect: BUD002
    twin.release()
    r.commit(usd=0.02)
