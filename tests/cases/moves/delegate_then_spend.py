"""`delegate()` consumes the budget: spending from the old handle is BUD001."""
from budgetlint import Budget


def hand_off(b: Budget) -> Budget:
    owner = b.delegate()
    b.spend(usd=0.01)  # expect: BUD001
    return owner
