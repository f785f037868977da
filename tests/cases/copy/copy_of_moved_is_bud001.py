"""Copying a moved budget is a use after move: BUD001 wins over BUD002 (SPEC 5, Precedence)."""
import copy

from budgetlint import Budget


def orchestrate() -> None:
    b = Budget(usd=1)
    owner = b.delegate()
    owner.spend(usd=0.01)
    twin = copy.copy(b)  # expect: BUD001
    print(twin)
