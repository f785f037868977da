"""Settled case: after `ctx.budget` is moved, passing the whole `ctx` is BUD001 (partial move)."""
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


def orchestrate(ctx: Context) -> None:
    run_sub_agent(ctx.budget)
    run(ctx)  # expect: BUD001
