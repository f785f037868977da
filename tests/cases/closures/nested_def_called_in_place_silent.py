"""A nested def that only reads the budget and is called locally borrows it."""
from budgetlint import Budget


def orchestrate(prompts: list[str]) -> None:
    b = Budget(usd=5)

    def charge(tokens: int) -> None:
        b.spend(usd=0.001, tokens=tokens)

    for p in prompts:
        charge(len(p))
    b.spend(usd=0.01)
