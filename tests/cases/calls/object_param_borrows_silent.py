"""A parameter typed `object` borrows (SPEC 4, fourth row)."""
from budgetlint import Budget


def describe(thing: object) -> str:
    return repr(thing)


def orchestrate() -> None:
    b = Budget(usd=5)
    describe(b)
    describe(b)
    b.spend(usd=0.01)
