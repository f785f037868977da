"""The budget moves on exactly one path through a chain of branches, with no use after: silent."""
from budgetlint import Budget


def run_planner(budget: Budget) -> None:
    budget.spend(usd=0.01)


def run_coder(budget: Budget) -> None:
    budget.spend(usd=0.02)


def route(b: Budget, mode: str) -> None:
    b.spend(usd=0.001)
    if mode == "plan":
        run_planner(b)
    elif mode == "code":
        run_coder(b)
    else:
        b.close()
