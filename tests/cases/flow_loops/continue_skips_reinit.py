"""`continue` skips the re-initialisation: the move reaches the loop head (BUD001 at the move)."""
from budgetlint import Budget


def run_sub_agent(q: str, budget: Budget) -> bool:
    budget.spend(usd=0.01)
    return bool(q)


def orchestrate(parent: Budget, questions: list[str]) -> None:
    b = parent.split(usd=1)
    for q in questions:
        if not run_sub_agent(q, b):  # expect: BUD001
            continue
        b = parent.split(usd=1)
