"""A use after a join is reported when it is the first use on one of the paths reaching it."""
from budgetlint import Budget


def hand_off(b: Budget, verbose: bool) -> Budget:
    owner = b.delegate()
    if verbose:
        print(b.remaining)  # expect: BUD001
    b.spend(usd=0.02)  # expect: BUD001
    return owner
