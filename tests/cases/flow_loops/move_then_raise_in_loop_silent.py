"""A move followed by `raise` inside a loop does not reach the loop head (SPEC 5)."""
from budgetlint import Budget


def run_recovery(budget: Budget) -> None:
    budget.spend(usd=0.01)


def orchestrate(results: list[str]) -> None:
    b = Budget(usd=5)
    for r in results:
        if r == "fatal":
            run_recovery(b)
            raise RuntimeError(r)
        b.spend(usd=0.001)
