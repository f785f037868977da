"""`finally` also runs after a successful commit: releasing there consumes twice (BUD003)."""
from budgetlint import Budget


def call_llm(prompt: str) -> str:
    return prompt


def ask(b: Budget, prompt: str) -> str:
    r = b.reserve(usd=0.05)
    try:
        reply = call_llm(prompt)
        r.commit(usd=0.02)
    finally:
        r.release()  # expect: BUD003
    return reply
