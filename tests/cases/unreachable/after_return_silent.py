"""Code after `return` is unreachable: nothing there is reported (SPEC 5)."""
from budgetlint import Budget


def run_sub_agent(budget: Budget) -> None:
    budget.spend(usd=0.01)


def orchestrate() -> None:
    b = Budget(usd=5)
    run_sub_agent(b)
    return
    b.spend(usd=0.01)
