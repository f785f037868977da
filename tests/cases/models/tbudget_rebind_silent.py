"""A model-declared functional budget (SPEC 8): `b = b.spend(x); b = b.spend(y)` stays silent."""
from token_budgets import Budget as TBudget


def run(b: TBudget) -> TBudget:
    b = b.spend(100)
    b = b.spend(200)
    return b
