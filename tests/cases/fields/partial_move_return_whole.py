"""Returning an object whose budget field was moved out is BUD001 (partial move)."""
from dataclasses import dataclass

from budgetlint import Budget


@dataclass
class Context:
    name: str
    budget: Budget


def orchestrate(ctx: Context) -> Context:
    owner = ctx.budget.delegate()
    owner.spend(usd=0.01)
    return ctx  # expect: BUD001
