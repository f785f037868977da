"""A dataclass field typed `Budget` makes its generated `__init__` own the argument."""
from dataclasses import dataclass

from budgetlint import Budget


@dataclass
class Job:
    prompt: str
    budget: Budget


def orchestrate() -> None:
    b = Budget(usd=5)
    job = Job(prompt="summarise", budget=b)
    print(job.prompt)
    b.spend(usd=0.01)  # expect: BUD001
