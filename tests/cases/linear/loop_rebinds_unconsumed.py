"""A linear value bound inside a loop and not consumed before the next iteration rebinds it: BUD004 at the creating line."""
from budgetlint import Budget


def call_model(b: Budget, prompts: list[str]) -> None:
    for p in prompts:
        r = b.reserve(usd=0.01)  # expect: BUD004
        if p:
            r.commit(usd=0.005)
