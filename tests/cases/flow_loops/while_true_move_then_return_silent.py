"""`while True` with the move right before `return`: the move never reaches the loop head."""
from budgetlint import Budget


def poll() -> bool:
    return True


def run_sub_agent(budget: Budget) -> None:
    budget.spend(usd=0.01)


def orchestrate() -> None:
    b = Budget(usd=5)
    while True:
        b.spend(usd=0.001)
        if poll():
            run_sub_agent(b)
            return
