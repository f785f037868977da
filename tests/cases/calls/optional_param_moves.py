"""A parameter typed `Budget | None` (a union containing the affine type) owns: passing moves."""
from budgetlint import Budget


def run_sub_agent(budget: Budget | None) -> None:
    if budget is not None:
        budget.spend(usd=0.01)


def orchestrate() -> None:
    b = Budget(usd=5)
    run_sub_agent(b)
    b.spend(usd=0.01)  # expect: BUD001
