"""A call after the commit can raise: the handler may then see a committed reservation, and releasing it is BUD003."""
from budgetlint import Budget


def call_llm(prompt: str) -> str:
    return prompt


def log_reply(reply: str) -> None:
    print(reply)


def ask(b: Budget, prompt: str) -> str:
    r = b.reserve(usd=0.05)
    try:
        reply = call_llm(prompt)
        r.commit(usd=0.02)
        log_reply(reply)
    except Exception:
        r.release()  # expect: BUD003
        raise
    return reply
