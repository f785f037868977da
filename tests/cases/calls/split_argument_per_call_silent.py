"""Passing a fresh `split` to an owning parameter moves only the child: the parent stays live."""
from budgetlint import Budget


def run_sub_agent(budget: Budget) -> None:
    budget.spend(usd=0.01)


def orchestrate(tasks: list[str]) -> None:
    b = Budget(usd=5)
    for _ in tasks:
        run_sub_agent(b.split(usd=0.50))
    b.spend(usd=0.01)
