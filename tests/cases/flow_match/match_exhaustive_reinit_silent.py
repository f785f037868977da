"""A wildcard case makes the `match` exhaustive: re-initialising in every case keeps the budget live."""
from budgetlint import Budget


def run_sub_agent(budget: Budget) -> None:
    budget.spend(usd=0.01)


def route(b: Budget, mode: str) -> None:
    run_sub_agent(b)
    match mode:
        case "small":
            b = Budget(usd=0.1)
        case _:
            b = Budget(usd=1)
    b.spend(usd=0.01)
