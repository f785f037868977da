"""Moving one child does not affect its sibling or the parent."""
from budgetlint import Budget


def run_sub_agent(budget: Budget) -> None:
    budget.spend(usd=0.01)


def orchestrate() -> None:
    b = Budget(usd=5)
    left, right = b.split_even(2)
    run_sub_agent(left)
    right.spend(usd=0.01)
    b.reclaim(right)
    b.spend(usd=0.01)
