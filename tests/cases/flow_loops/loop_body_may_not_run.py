"""A loop body may run zero times: re-initialising only inside it leaves the budget possibly moved (BUD001)."""
from budgetlint import Budget


def run_sub_agent(budget: Budget) -> None:
    budget.spend(usd=0.01)


def orchestrate(parent: Budget, retries: list[int]) -> None:
    b = parent.split(usd=1)
    run_sub_agent(b)
    for _ in retries:
        b = parent.split(usd=1)
    b.spend(usd=0.01)  # expect: BUD001
