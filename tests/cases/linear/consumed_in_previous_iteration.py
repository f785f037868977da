"""A reservation made before a loop and committed inside it is consumed again on the next pass: BUD003 at the commit."""
from budgetlint import Budget


def call_model(b: Budget, prompts: list[str]) -> None:
    r = b.reserve(usd=0.05)
    while True:
        r.commit(usd=0.01)  # expect: BUD003
        if prompts.pop() == "done":
            break
