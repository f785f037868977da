"""A move re-initialised before the end of the body does not reach the loop head."""
from budgetlint import Budget


def run_sub_agent(q: str, budget: Budget) -> None:
    budget.spend(usd=0.01)


def orchestrate(parent: Budget, questions: list[str]) -> None:
    b = parent.split(usd=1)
    for q in questions:
        run_sub_agent(q, b)
        b = parent.split(usd=1)
    b.spend(usd=0.01)
