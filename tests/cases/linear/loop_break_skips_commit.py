"""`break` before the commit leaves the reservation unconsumed: BUD004."""
from budgetlint import Budget


def call_model(b: Budget, prompts: list[str]) -> None:
    for p in prompts:
        r = b.reserve(usd=0.01)  # expect: BUD004
        if p == "stop":
            break
        r.commit(usd=0.005)
