"""A chain of uses after one move reports only the first use (SPEC 6, like rustc)."""
from budgetlint import Budget


def hand_off(b: Budget) -> Budget:
    owner = b.delegate()
    b.spend(usd=0.01)  # expect: BUD001
    b.spend(usd=0.02)
    print(b.remaining)
    return owner
