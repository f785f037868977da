"""A `with` reservation per iteration is consumed in every iteration."""
from budgetlint import Budget


def call_model(b: Budget, prompts: list[str]) -> None:
    for p in prompts:
        with b.reserve(usd=0.01, tokens=len(p)) as r:
            if p:
                r.commit(usd=0.005)
                continue
            print("empty prompt")
