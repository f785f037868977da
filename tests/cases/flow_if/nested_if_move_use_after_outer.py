"""A move in a nested `if` reaches a use after the outer `if`: BUD001."""
from budgetlint import Budget


def run_sub_agent(budget: Budget) -> None:
    budget.spend(usd=0.01)


def orchestrate(ready: bool, urgent: bool) -> None:
    b = Budget(usd=5)
    if ready:
        if urgent:
            run_sub_agent(b)
        else:
            b.spend(usd=0.01)
    b.spend(usd=0.01)  # expect: BUD001
