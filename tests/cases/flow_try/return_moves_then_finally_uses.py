"""`return b.delegate()` consumes `b` before `finally` runs: spending in `finally` is BUD001."""
from budgetlint import Budget


def hand_off(b: Budget) -> Budget:
    try:
        return b.delegate()
    finally:
        b.spend(usd=0.01)  # expect: BUD001
