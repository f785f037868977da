"""Every nested branch that moves the budget returns: the later use is never reached by a move."""
from budgetlint import Budget


def run_sub_agent(budget: Budget) -> None:
    budget.spend(usd=0.01)


def orchestrate(ready: bool, urgent: bool) -> None:
    b = Budget(usd=5)
    if ready:
        if urgent:
            run_sub_agent(b)
            return
        b.spend(usd=0.01)
    elif urgent:
        owner = b.delegate()
        owner.spend(usd=0.01)
        return
    b.spend(usd=0.01)
