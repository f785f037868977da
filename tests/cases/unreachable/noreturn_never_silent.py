"""`typing_extensions.Never` is `NoReturn` too."""
from typing_extensions import Never

from budgetlint import Budget


def abort(code: int) -> Never:
    raise SystemExit(code)


def orchestrate(b: Budget, ok: bool) -> None:
    if not ok:
        b.close()
        abort(2)
    b.spend(usd=0.01)
