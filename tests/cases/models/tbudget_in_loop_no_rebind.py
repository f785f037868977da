"""Spending the model budget in a loop without rebinding consumes it again each pass: BUD001 at the call."""
from token_budgets import Budget as TBudget


def run(b: TBudget, chunks: list[int]) -> None:
    for n in chunks:
        b.spend(n)  # expect: BUD001
