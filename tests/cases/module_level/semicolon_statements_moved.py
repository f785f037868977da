"""Top-level statements that share a line are read together: the budget
made by the first and moved by the second is used after its move."""
from budgetlint import Budget


def spend_all(budget: Budget) -> None:
    budget.spend(usd=1)


b = Budget(usd=2); spend_all(b)  # noqa: E702
b.spend(usd=1)  # expect: BUD001
