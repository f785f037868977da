"""The model's `split` consumes the budget and returns two new ones: the old handle is moved."""
from token_budgets import Budget as TBudget


def run(b: TBudget) -> tuple[TBudget, TBudget]:
    left, right = b.split(500)
    b.spend(1)  # expect: BUD001
    return left, right
