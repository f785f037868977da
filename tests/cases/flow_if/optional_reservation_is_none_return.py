"""`if r is None: return` narrows on the early exit; forgetting to consume on the other path is still BUD004."""
from budgetlint import Budget


def maybe_call(b: Budget, wanted: bool) -> None:
    r = b.reserve(usd=0.05) if wanted else None  # expect: BUD004
    if r is None:
        return
    print("reserved")
