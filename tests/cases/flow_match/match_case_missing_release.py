"""A linear value consumed in all but one case can leave unconsumed: BUD004 at its creation."""
from budgetlint import Budget


def settle(b: Budget, outcome: str) -> None:
    r = b.reserve(usd=0.05)  # expect: BUD004
    match outcome:
        case "ok":
            r.commit(usd=0.02)
        case "error":
            r.release()
        case _:
            print("unknown outcome")
