"""A move in a loop body that reaches the loop head again: BUD001 at the move (SPEC 5, "moved in previous iteration")."""
from budgetlint import Budget


def run_sub_agent(q: str, budget: Budget) -> None:
    budget.spend(usd=0.01)


def orchestrate(questions: list[str]) -> None:
    b = Budget(usd=5)
    for q in questions:
        run_sub_agent(q, b)  # expect: BUD001
