"""A branch ending in a `NoReturn` call does not reach the join (like mypy's testNoReturn)."""
from typing import NoReturn

from budgetlint import Budget


def fail(message: str) -> NoReturn:
    raise SystemExit(message)


def run_sub_agent(budget: Budget) -> None:
    budget.spend(usd=0.01)


def orchestrate(b: Budget, broken: bool) -> None:
    if broken:
        run_sub_agent(b)
        fail("broken")
    b.spend(usd=0.01)
