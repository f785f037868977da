"""A parameter typed `Any` borrows (SPEC 4, fourth row)."""
from typing import Any

from budgetlint import Budget


def audit(value: Any, note: str) -> None:
    print(note, value)


def orchestrate() -> None:
    b = Budget(usd=5)
    audit(b, "before")
    audit(b, "after")
    b.spend(usd=0.01)
