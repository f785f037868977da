"""`obj.attr = x` stores the budget in another object: a move (SPEC 4, escape row)."""
from budgetlint import Budget


class Holder:
    budget: Budget | None = None


def attach(holder: Holder) -> None:
    b = Budget(usd=1)
    holder.budget = b
    b.spend(usd=0.01)  # expect: BUD001
