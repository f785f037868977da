"""A conditional move reaches a use inside a later `if`: BUD001."""
from budgetlint import Budget


def run_sub_agent(budget: Budget) -> None:
    budget.spend(usd=0.01)


def orchestrate(delegate: bool, verbose: bool) -> None:
    b = Budget(usd=5)
    if delegate:
        run_sub_agent(b)
    if verbose:
        print(b.remaining)  # expect: BUD001
