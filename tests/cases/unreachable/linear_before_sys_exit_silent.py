"""Settled case: a process exit (`NoReturn` call) is not a path on which a linear value must be consumed."""
import sys

from budgetlint import Budget


def ask(b: Budget, ok: bool) -> None:
    r = b.reserve(usd=0.05)
    if not ok:
        sys.exit("cannot continue")
    r.commit(usd=0.02)
