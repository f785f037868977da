"""An `if`/`elif` without `else` leaves a path on which nothing moved, and paths on which it did: BUD001."""
from budgetlint import Budget


def run_sub_agent(budget: Budget) -> None:
    budget.spend(usd=0.01)


def orchestrate(mode: str) -> None:
    b = Budget(usd=5)
    if mode == "a":
        b.spend(usd=0.01)
    elif mode == "b":
        run_sub_agent(b)
    b.spend(usd=0.01)  # expect: BUD001
