"""A move followed by `break` does not reach the loop head again (SPEC 5)."""
from budgetlint import Budget


def run_sub_agent(q: str, budget: Budget) -> None:
    budget.spend(usd=0.01)


def orchestrate(questions: list[str]) -> None:
    b = Budget(usd=5)
    for q in questions:
        if q.endswith("?"):
            run_sub_agent(q, b)
            break
        b.spend(usd=0.001)
