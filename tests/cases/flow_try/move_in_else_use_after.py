"""A move in the `else` of a `try` reaches the code after it: BUD001."""
from budgetlint import Budget


def run_sub_agent(budget: Budget) -> None:
    budget.spend(usd=0.01)


def call_llm(prompt: str) -> str:
    return prompt


def orchestrate(prompt: str) -> None:
    b = Budget(usd=5)
    try:
        call_llm(prompt)
    except TimeoutError:
        return
    else:
        run_sub_agent(b)
    b.spend(usd=0.01)  # expect: BUD001
