"""A `match` without an irrefutable case may run no case: re-initialising in its cases is not enough (BUD001)."""
from budgetlint import Budget


def run_sub_agent(budget: Budget) -> None:
    budget.spend(usd=0.01)


def route(b: Budget, mode: str) -> None:
    run_sub_agent(b)
    match mode:
        case "fresh":
            b = Budget(usd=1)
        case "small":
            b = Budget(usd=0.1)
    b.spend(usd=0.01)  # expect: BUD001
