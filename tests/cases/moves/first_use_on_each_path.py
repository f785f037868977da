"""Each branch's use is the first on its path (reported); a use after the join is not (SPEC 6)."""
from budgetlint import Budget


def hand_off(b: Budget, verbose: bool) -> Budget:
    owner = b.delegate()
    if verbose:
        print(b.remaining)  # expect: BUD001
    else:
        b.spend(usd=0.01)  # expect: BUD001
    b.spend(usd=0.02)
    return owner
