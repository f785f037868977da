"""Releasing inside the block is a consume; the exit does not count as a second one."""
from budgetlint import Budget


def call_model(b: Budget, cancelled: bool) -> None:
    with b.reserve(usd=0.05) as r:
        if cancelled:
            r.release()
        else:
            r.commit(usd=0.02)
