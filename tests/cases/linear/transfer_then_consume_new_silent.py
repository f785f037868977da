"""Moving a reservation into another name passes the obligation: consuming the new name is enough."""
from budgetlint import Budget


def call_model(b: Budget) -> None:
    r = b.reserve(usd=0.05)
    pending = r
    pending.commit(usd=0.02)
