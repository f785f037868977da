"""`return` inside `finally` after the release: the reservation is consumed on every path."""
from budgetlint import Budget


def ping() -> None:
    print("ping")


def probe(b: Budget) -> bool:
    r = b.reserve(usd=0.01)
    try:
        ping()
    finally:
        r.release()
        return True
