"""Every case that moves the budget returns: the code after the `match` never sees a move."""
from budgetlint import Budget


def run_sub_agent(budget: Budget) -> None:
    budget.spend(usd=0.01)


def route(b: Budget, mode: str) -> None:
    match mode:
        case "delegate":
            run_sub_agent(b)
            return
        case "close":
            b.close()
            return
        case _:
            pass
    b.spend(usd=0.01)
