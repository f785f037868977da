"""Value and literal patterns on another subject, with borrowing bodies, are fine."""
from enum import Enum

from budgetlint import Budget


class Mode(Enum):
    CHEAP = "cheap"
    DEEP = "deep"


def route(b: Budget, mode: Mode) -> None:
    match mode:
        case Mode.CHEAP:
            b.spend(usd=0.001)
        case Mode.DEEP:
            b.spend(usd=0.05)
    b.spend(usd=0.01)
