"""Assigning a moved budget to another name reads it: BUD001."""
from budgetlint import Budget


def hand_off(b: Budget) -> Budget:
    owner = b.delegate()
    alias = b  # expect: BUD001
    print(alias)
    return owner
