"""`run(b.delegate())` consumes `b` inside the argument: a later use is BUD001."""
from budgetlint import Borrowed, Budget


def run_sub_agent(budget: Borrowed[Budget]) -> None:
    budget.spend(usd=0.01)


def orchestrate(b: Budget) -> None:
    run_sub_agent(b.delegate())
    b.spend(usd=0.01)  # expect: BUD001
