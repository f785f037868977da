"""A call typed `NoReturn` ends the path: nothing after it is reported."""
from typing import NoReturn

from budgetlint import Budget


def fail(message: str) -> NoReturn:
    raise SystemExit(message)


def orchestrate(b: Budget) -> None:
    owner = b.delegate()
    owner.spend(usd=0.01)
    fail("delegated")
    b.spend(usd=0.01)
