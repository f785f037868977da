"""A linear value consumed in every case of an exhaustive `match` is fine."""
from budgetlint import Budget


def settle(b: Budget, outcome: str) -> None:
    r = b.reserve(usd=0.05)
    match outcome:
        case "ok":
            r.commit(usd=0.02)
        case _:
            r.release()
