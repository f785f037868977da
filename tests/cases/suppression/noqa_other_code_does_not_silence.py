"""`# noqa: BUD002` does not silence a BUD001 on the same line."""
from budgetlint import Budget


def hand_off(b: Budget) -> Budget:
    owner = b.delegate()
    b.spend(usd=0.01)  # noqa: BUD002  # expect: BUD001
    return owner
