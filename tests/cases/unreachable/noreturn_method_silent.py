"""A method typed `NoReturn` on a class in the same file ends the path too."""
from typing import NoReturn

from budgetlint import Budget


class Supervisor:
    def abort(self, reason: str) -> NoReturn:
        raise SystemExit(reason)


def orchestrate(b: Budget, ok: bool) -> None:
    sup = Supervisor()
    r = b.reserve(usd=0.05)
    if not ok:
        sup.abort("stop")
    r.commit(usd=0.02)
