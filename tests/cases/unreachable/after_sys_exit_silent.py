"""`sys.exit()` is typed `NoReturn`: nothing after it is reported."""
import sys

from budgetlint import Budget


def orchestrate(b: Budget, ok: bool) -> None:
    if not ok:
        b.close()
        sys.exit(1)
    b.spend(usd=0.01)
