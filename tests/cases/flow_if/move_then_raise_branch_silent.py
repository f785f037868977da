"""A move followed by `raise` on its branch does not reach the later use."""
from budgetlint import Budget


def run_sub_agent(budget: Budget) -> None:
    budget.spend(usd=0.01)


def orchestrate(broken: bool) -> None:
    b = Budget(usd=5)
    if broken:
        run_sub_agent(b)
        raise RuntimeError("handed off to the recovery agent")
    b.spend(usd=0.01)
