"""Settled case: after `ctx.budget` is moved, reading other fields and calling methods on `ctx` is fine."""
from dataclasses import dataclass

from budgetlint import Budget


@dataclass
class Context:
    name: str
    budget: Budget

    def describe(self) -> str:
        return self.name


def run_sub_agent(budget: Budget) -> None:
    budget.spend(usd=0.01)


def orchestrate(ctx: Context) -> str:
    run_sub_agent(ctx.budget)
    print(ctx.name)
    return ctx.describe()
