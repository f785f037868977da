"""Storing an object whose budget field was moved out is BUD001 (partial move)."""
from dataclasses import dataclass

from budgetlint import Budget


@dataclass
class Context:
    name: str
    budget: Budget


def run_sub_agent(budget: Budget) -> None:
    budget.spend(usd=0.01)


def requeue(ctx: Context, queue: list[Context]) -> None:
    run_sub_agent(ctx.budget)
    queue.append(ctx)  # expect: BUD001
