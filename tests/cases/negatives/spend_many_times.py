"""Spending, reserving and reading the same budget many times only borrows it."""
from budgetlint import Budget


def agent_loop(prompts: list[str]) -> None:
    b = Budget(usd=5, tokens=200_000, calls=50, name="loop")
    for p in prompts:
        b.spend(usd=0.01, tokens=len(p))
        print(b.cap, b.spent, b.reserved, b.remaining)
    b.spend(usd=0.01)
    usage = b.close()
    print(usage.spent, usage.overage)
