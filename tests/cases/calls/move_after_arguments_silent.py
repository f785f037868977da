"""Moves take effect after all arguments are evaluated: `f(b, b.remaining)` is fine (SPEC 5, Calls)."""
from budgetlint import Amount, Budget


def run_sub_agent(budget: Budget, allowance: Amount) -> None:
    print(allowance.usd)
    budget.spend(usd=0.01)


def run_with_child(child: Budget, parent: Budget) -> None:
    child.spend(usd=0.01)
    parent.spend(usd=0.01)


def orchestrate() -> None:
    b = Budget(usd=5)
    run_sub_agent(b, b.remaining)


def orchestrate_child_first() -> None:
    b = Budget(usd=5)
    run_with_child(b.split(usd=1), b)
