"""A call that raises consumes nothing: when the hand-off is the last statement of the `try`, the handler still owns `b`."""
from budgetlint import Budget


def hand_off(budget: Budget) -> None:
    budget.spend(usd=0.01)


def other() -> None:
    print("working")


def orchestrate() -> None:
    b = Budget(usd=5)
    try:
        other()
        hand_off(b)
    except ValueError:
        b.spend(usd=0.01)
