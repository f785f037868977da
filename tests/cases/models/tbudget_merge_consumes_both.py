"""`@consumes("self", "other")` in a model consumes the receiver and the argument."""
from token_budgets import Budget as TBudget


def run(a: TBudget, c: TBudget) -> TBudget:
    merged = a.merge_with(c)
    c.spend(1)  # expect: BUD001
    return merged
