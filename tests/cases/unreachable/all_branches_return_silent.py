"""After an `if`/`else` whose branches both return, nothing is reachable."""
from budgetlint import Budget


def hand_off(b: Budget, fast: bool) -> Budget:
    if fast:
        return b.delegate()
    else:
        return b
    b.spend(usd=0.01)
