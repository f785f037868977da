"""`# noqa: BUD001` silences the BUD001 on its line (SPEC 9)."""
from budgetlint import Budget


def hand_off(b: Budget) -> Budget:
    owner = b.delegate()
    b.spend(usd=0.01)  # noqa: BUD001
    return owner
