"""Code after `break` is unreachable."""
from budgetlint import Budget


def run_sub_agent(budget: Budget) -> None:
    budget.spend(usd=0.01)


def orchestrate(b: Budget, questions: list[str]) -> None:
    for q in questions:
        run_sub_agent(b)
        break
        b.spend(usd=0.01)
