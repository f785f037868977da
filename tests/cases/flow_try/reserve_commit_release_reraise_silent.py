"""Settled case: `r = b.reserve(...); try: call(); r.commit(...) except: r.release(); raise` is correct."""
from budgetlint import Budget


def call_llm(prompt: str) -> str:
    return prompt


def ask(b: Budget, prompt: str) -> str:
    r = b.reserve(usd=0.05)
    try:
        reply = call_llm(prompt)
        r.commit(usd=0.02)
    except Exception:
        r.release()
        raise
    return reply
