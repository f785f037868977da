"""A tracked field (`ctx.budget`) used after it was moved is BUD001 like a local."""
from dataclasses import dataclass

from budgetlint import Budget


@dataclass
class Context:
    name: str
    budget: Budget


def run_sub_agent(budget: Budget) -> None:
    budget.spend(usd=0.01)


def orchestrate(ctx: Context) -> None:
    run_sub_agent(ctx.budget)
    ctx.budget.spend(usd=0.01)  # expect: BUD001
