"""A lambda whose body moves the capture into an owning call moves it at its definition: BUD001."""
from collections.abc import Callable

from budgetlint import Budget


def run_sub_agent(budget: Budget) -> None:
    budget.spend(usd=0.01)


def orchestrate() -> None:
    b = Budget(usd=5)
    later: Callable[[], None] = lambda: run_sub_agent(b)
    b.spend(usd=0.01)  # expect: BUD001
    later()
