"""`for`/`else` with `break`: the `else` (which moves) is skipped on the break path, so after the loop it is possibly moved (BUD001)."""
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
    b.spend(usd=0.01)  # expect: BUD001
