"""`while`/`else` without `break`: the `else` always runs, so re-initialising there keeps the budget live."""
from budgetlint import Budget


def run_sub_agent(budget: Budget) -> None:
    budget.spend(usd=0.01)


def orchestrate(parent: Budget, pending: list[str]) -> None:
    b = parent.split(usd=1)
    run_sub_agent(b)
    while pending:
        pending.pop()
    else:
        b = parent.split(usd=1)
    b.spend(usd=0.01)
