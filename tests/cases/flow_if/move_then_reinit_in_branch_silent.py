"""A branch that moves the budget and rebinds it leaves it live at the join."""
from budgetlint import Budget


def run_sub_agent(budget: Budget) -> None:
    budget.spend(usd=0.01)


def orchestrate(delegate: bool) -> None:
    b = Budget(usd=5)
    if delegate:
        run_sub_agent(b)
        b = Budget(usd=1)
    b.spend(usd=0.01)
