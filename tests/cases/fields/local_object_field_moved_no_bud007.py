"""BUD007 is about methods: a plain function moving a local object's field reports nothing by itself."""
from dataclasses import dataclass

from budgetlint import Budget


@dataclass
class Job:
    name: str
    budget: Budget


def run_sub_agent(budget: Budget) -> None:
    budget.spend(usd=0.01)


def execute(job: Job) -> str:
    run_sub_agent(job.budget)
    return job.name
