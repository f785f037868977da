"""`return` after the move leaves both loops."""
from budgetlint import Budget


def run_sub_agent(q: str, budget: Budget) -> None:
    budget.spend(usd=0.01)


def orchestrate(batches: list[list[str]]) -> None:
    b = Budget(usd=5)
    for batch in batches:
        for q in batch:
            if q.startswith("!"):
                run_sub_agent(q, b)
                return
        b.spend(usd=0.001)
