"""A handler that moves the budget and returns does not reach the code after the `try`."""
from budgetlint import Budget


def run_recovery(budget: Budget) -> None:
    budget.spend(usd=0.01)


def call_llm(prompt: str) -> str:
    return prompt


def orchestrate(prompt: str) -> None:
    b = Budget(usd=5)
    try:
        call_llm(prompt)
    except TimeoutError:
        run_recovery(b)
        return
    b.spend(usd=0.01)
