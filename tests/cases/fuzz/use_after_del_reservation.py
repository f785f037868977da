"""A use after `del r` of an unconsumed reservation is BUD001, not BUD003: deleting leaks it, it does not consume it (SPEC 5, Leaving a scope)."""
from budgetlint import Budget


def call_model(b: Budget, cancelled: bool) -> None:
    r = b.reserve(usd=0.05)  # expect: BUD004
    if cancelled:
        del r
    r.release()  # expect: BUD001
