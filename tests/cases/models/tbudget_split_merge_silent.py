"""Splitting and merging model budgets, always using the returned handles, is fine."""
from token_budgets import Budget as TBudget


def run(b: TBudget) -> TBudget:
    left, right = b.split(500)
    left = left.spend(10)
    right = right.spend(20)
    return left.merge_with(right)
