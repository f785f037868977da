"""Rebinding the model budget on every iteration keeps it live across the loop."""
from token_budgets import Budget as TBudget


def run(b: TBudget, chunks: list[int]) -> TBudget:
    for n in chunks:
        b = b.spend(n)
    return b
