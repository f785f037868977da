"""`parent.reclaim(child)` consumes `child`: a borrowed child may not be reclaimed (BUD006)."""
from budgetlint import Borrowed, Budget


def settle(parent: Budget, child: Borrowed[Budget]) -> None:
    parent.reclaim(child)  # expect: BUD006
