"""`os._exit()` is typed `NoReturn`: an unconsumed reservation before it is not BUD004."""
import os

from budgetlint import Budget


def ask(b: Budget, ok: bool) -> None:
    r = b.reserve(usd=0.05)
    if not ok:
        os._exit(3)
    r.release()
