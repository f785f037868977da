"""Releasing in `finally` consumes the reservation on every path."""
from budgetlint import Budget


def probe(prompt: str) -> None:
    print(prompt)


def ask(b: Budget, prompt: str) -> None:
    r = b.reserve(usd=0.05)
    try:
        probe(prompt)
    finally:
        r.release()
