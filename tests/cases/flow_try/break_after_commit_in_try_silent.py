"""`break` after the commit cannot raise: the handler only sees the reservation before the commit, so releasing there is fine."""
from budgetlint import Budget


def call_llm(prompt: str) -> str:
    return prompt


def ask(b: Budget, prompt: str) -> str:
    reply = ""
    for _ in range(3):
        r = b.reserve(usd=0.05)
        try:
            reply = call_llm(prompt)
            r.commit(usd=0.02)
            break
        except TimeoutError:
            r.release()
    return reply
