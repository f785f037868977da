"""A model-declared affine class is never copied: BUD002."""
import copy

from token_budgets import Budget as TBudget


def fork(b: TBudget) -> TBudget:
    return copy.deepcopy(b)  # expect: BUD002
