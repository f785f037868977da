"""Constructing a model-declared affine class outside the authority is BUD008."""
from token_budgets import Budget as TBudget


def make() -> TBudget:
    return TBudget()  # expect: BUD008
