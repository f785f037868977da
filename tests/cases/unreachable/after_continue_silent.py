"""Code after `continue` is unreachable, and the move before it is re-initialised at the top of the body."""
from budgetlint import Budget


def run_sub_agent(budget: Budget) -> None:
    budget.spend(usd=0.01)


def orchestrate(parent: Budget, questions: list[str]) -> None:
    for q in questions:
        b = parent.split(usd=0.5)
        run_sub_agent(b)
        continue
        b.spend(usd=0.01)
