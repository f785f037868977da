"""Attribute paths are tracked up to two dots (SPEC 4): `job.ctx.budget` used after it was moved is BUD001."""
from dataclasses import dataclass

from budgetlint import Budget


@dataclass
class Context:
    budget: Budget


@dataclass
class Job:
    ctx: Context


def run_sub_agent(budget: Budget) -> None:
    budget.spend(usd=0.01)


def execute(job: Job) -> None:
    run_sub_agent(job.ctx.budget)
    job.ctx.budget.spend(usd=0.01)  # expect: BUD001
