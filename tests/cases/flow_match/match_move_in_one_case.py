"""A move in one case of a `match` reaches the code after it: BUD001."""
from budgetlint import Budget


def run_sub_agent(budget: Budget) -> None:
    budget.spend(usd=0.01)


def route(b: Budget, mode: str) -> None:
    match mode:
        case "delegate":
            run_sub_agent(b)
        case "inline":
            b.spend(usd=0.01)
        case _:
            print("skip")
    b.spend(usd=0.01)  # expect: BUD001
