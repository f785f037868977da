"""Any read is a use, even through a borrowing builtin such as `print` (SPEC 4: a use is any read)."""
from budgetlint import Budget


def run_sub_agent(budget: Budget) -> None:
    budget.spend(usd=0.01)


def orchestrate() -> None:
    b = Budget(usd=5)
    run_sub_agent(b)
    print(b)  # expect: BUD001
