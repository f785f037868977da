"""Settled case: `try: hand_off(b); other() except E: b.spend()` is BUD001 (the handler joins the state before `other()`)."""
from budgetlint import Budget


def hand_off(budget: Budget) -> None:
    budget.spend(usd=0.01)


def other() -> None:
    print("working")


def orchestrate() -> None:
    b = Budget(usd=5)
    try:
        hand_off(b)
        other()
    except ValueError:
        b.spend(usd=0.01)  # expect: BUD001
