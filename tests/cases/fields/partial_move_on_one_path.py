"""A field moved on one path only: passing the whole object after the join is BUD001."""
from dataclasses import dataclass

from budgetlint import Budget


@dataclass
class Context:
    name: str
    budget: Budget


def run_sub_agent(budget: Budget) -> None:
    budget.spend(usd=0.01)


def run(ctx: Context) -> None:
    print(ctx.name)


def orchestrate(ctx: Context, delegate: bool) -> None:
    if delegate:
        run_sub_agent(ctx.budget)
    run(ctx)  # expect: BUD001
