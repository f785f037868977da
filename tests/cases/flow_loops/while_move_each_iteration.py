"""A `while` loop that consumes the budget on every pass: BUD001 at the consuming call."""
from budgetlint import Budget


def orchestrate(pending: list[str]) -> None:
    b = Budget(usd=5)
    while pending:
        pending.pop()
        owner = b.delegate()  # expect: BUD001
        owner.spend(usd=0.01)
