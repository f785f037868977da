"""Moved on every branch of `if`/`elif`/`else`: a use after the join is BUD001."""
from budgetlint import Budget


def run_planner(budget: Budget) -> None:
    budget.spend(usd=0.01)


def run_coder(budget: Budget) -> None:
    budget.spend(usd=0.02)


def orchestrate(mode: str) -> None:
    b = Budget(usd=5)
    if mode == "plan":
        run_planner(b)
    elif mode == "code":
        run_coder(b)
    else:
        owner = b.delegate()
        owner.spend(usd=0.01)
    print(b.remaining)  # expect: BUD001
