"""`y = x` moves the budget into `y`; reading `x` afterwards is BUD001 (SPEC 4, first row)."""
from budgetlint import Budget


def orchestrate() -> None:
    b = Budget(usd=5)
    planner_budget = b
    planner_budget.spend(usd=0.10)
    b.spend(usd=0.01)  # expect: BUD001
