"""`del b` on one path, then a use: the budget may have been dropped (BUD001, SPEC 5 Leaving a scope)."""
from budgetlint import Budget


def maybe_drop(b: Budget, cancelled: bool) -> None:
    if cancelled:
        del b
    b.spend(usd=0.01)  # expect: BUD001
