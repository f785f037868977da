"""Formatting a moved budget into an f-string reads it: BUD001."""
from budgetlint import Budget


def hand_off(b: Budget) -> str:
    owner = b.delegate()
    owner.spend(usd=0.01)
    return f"handed off {b}"  # expect: BUD001
