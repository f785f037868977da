"""`for`/`else` where the moving `else` returns: only the break path reaches the later use."""
from budgetlint import Budget


def run_fallback(budget: Budget) -> None:
    budget.spend(usd=0.01)


def orchestrate(questions: list[str]) -> None:
    b = Budget(usd=5)
    for q in questions:
        if q == "stop":
            break
    else:
        run_fallback(b)
        return
    b.spend(usd=0.01)
