"""A handler that returns without releasing leaks the reservation: BUD004 at the line that created it."""
from budgetlint import Budget


def call_llm(prompt: str) -> str:
    return prompt


def ask(b: Budget, prompt: str) -> str | None:
    r = b.reserve(usd=0.05)  # expect: BUD004
    try:
        reply = call_llm(prompt)
    except TimeoutError:
        return None
    r.commit(usd=0.02)
    return reply
