"""`return reply` after the commit cannot raise: the handler's `release` only runs before a commit."""
from budgetlint import Budget


def call_llm(prompt: str) -> str:
    return prompt


def ask(b: Budget, prompt: str) -> str:
    r = b.reserve(usd=0.05)
    try:
        reply = call_llm(prompt)
        r.commit(usd=0.02)
        return reply
    except Exception:
        r.release()
        raise
