"""A linear value bound inside a loop and consumed in every iteration is fine."""
from budgetlint import Budget


def call_model(b: Budget, prompts: list[str]) -> None:
    for p in prompts:
        r = b.reserve(usd=0.01)
        if p:
            r.commit(usd=0.005)
        else:
            r.release()
