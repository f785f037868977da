"""Variables named like budgets but holding plain numbers are not tracked."""


def run_sub_agent(budget: float) -> float:
    return budget / 2


def orchestrate() -> None:
    budget = 5.0
    run_sub_agent(budget)
    run_sub_agent(budget)
    remaining = budget
    print(budget, remaining)
