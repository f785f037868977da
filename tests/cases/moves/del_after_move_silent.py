"""Deleting a name whose budget was moved is not a use (SPEC 4: `del x` is a drop)."""
from budgetlint import Budget


def run_sub_agent(budget: Budget) -> None:
    budget.spend(usd=0.01)


def orchestrate() -> None:
    b = Budget(usd=5)
    run_sub_agent(b)
    del b
