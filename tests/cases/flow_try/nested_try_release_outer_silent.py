"""Nested `try`: the inner handler re-raises, the outer `finally` releases once."""
from budgetlint import Budget


def call_llm(prompt: str) -> str:
    return prompt


def ask(b: Budget, prompt: str) -> None:
    r = b.reserve(usd=0.05)
    try:
        try:
            call_llm(prompt)
        except TimeoutError:
            print("retry later")
            raise
    finally:
        r.release()
