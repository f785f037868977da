"""Release in the handler, commit in `else`: consumed exactly once on every path."""
from budgetlint import Budget


def call_llm(prompt: str) -> str:
    return prompt


def ask(b: Budget, prompt: str) -> str | None:
    r = b.reserve(usd=0.05)
    try:
        reply = call_llm(prompt)
    except TimeoutError:
        r.release()
        return None
    else:
        r.commit(usd=0.02)
    return reply
