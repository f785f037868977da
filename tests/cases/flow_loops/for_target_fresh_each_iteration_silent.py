"""The loop target is rebound on every iteration: consuming it each time is fine."""
from budgetlint import Budget


def run_sub_agent(q: str, budget: Budget) -> None:
    budget.spend(usd=0.01)


def orchestrate(b: Budget, questions: list[str]) -> None:
    kids = b.split_even(len(questions))
    for q, kid in zip(questions, kids):
        run_sub_agent(q, kid)
    for kid in b.split_even(2):
        kid.close()
