"""A `Borrowed[Budget]` parameter borrows: the caller keeps the budget (SPEC 4, third row)."""
from budgetlint import Borrowed, Budget


def run_sub_agent(budget: Borrowed[Budget]) -> None:
    budget.spend(usd=0.01)


def orchestrate() -> None:
    b = Budget(usd=5)
    run_sub_agent(b)
    run_sub_agent(b)
    b.spend(usd=0.01)
