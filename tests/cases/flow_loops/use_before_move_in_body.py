"""A use earlier in the body than the move is the first use after the previous iteration's move: BUD001 there only."""
from budgetlint import Budget


def run_sub_agent(q: str, budget: Budget) -> None:
    budget.spend(usd=0.01)


def orchestrate(questions: list[str]) -> None:
    b = Budget(usd=5)
    for q in questions:
        b.spend(usd=0.001)  # expect: BUD001
        if q.endswith("?"):
            run_sub_agent(q, b)
