"""Re-initialising the moved field makes the whole object usable again."""
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


def orchestrate(ctx: Context, parent: Budget) -> None:
    run_sub_agent(ctx.budget)
    ctx.budget = parent.split(usd=1)
    run(ctx)
