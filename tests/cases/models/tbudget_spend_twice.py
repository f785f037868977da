"""SPEC 8: the model's `spend` consumes the old budget, so `b.spend(x); b.spend(y)` is BUD001 on the second."""
from token_budgets import Budget as TBudget


def run(b: TBudget) -> None:
    b.spend(100)
    b.spend(200)  # expect: BUD001
