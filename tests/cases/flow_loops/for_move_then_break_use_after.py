"""After a loop that may have moved the budget before `break`, a use is BUD001."""
from budgetlint import Budget


def run_sub_agent(q: str, budget: Budget) -> None:
    budget.spend(usd=0.01)


def orchestrate(questions: list[str]) -> None:
    b = Budget(usd=5)
    for q in questions:
        if q.endswith("?"):
            run_sub_agent(q, b)
            break
    b.spend(usd=0.01)  # expect: BUD001
