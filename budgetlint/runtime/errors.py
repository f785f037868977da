"""The exceptions the runtime raises."""

from __future__ import annotations


class BudgetError(Exception):
    """Base class of every budgetlint runtime error.

    Raised as itself when an operation is refused because of the ledger's
    state rather than its arithmetic: closing or reclaiming a budget that
    still has open reservations.
    """


class BudgetExceeded(BudgetError):
    """A ``spend``, ``reserve`` or ``split`` was refused: it would pass a cap,
    or the budget already recorded overage. Nothing was charged.

    ``budget`` names the budget whose cap refused the charge and
    ``dimension`` is ``"usd"``, ``"tokens"`` or ``"calls"`` (``None`` when
    the refusal is due to recorded overage rather than one dimension).
    """

    def __init__(self, message: str, *, budget: str, dimension: str | None) -> None:
        super().__init__(message)
        self.budget = budget
        self.dimension = dimension


class BudgetMovedError(BudgetError):
    """A moved (consumed) handle was used.

    ``filename`` and ``lineno`` give the call that moved it (``None`` when a
    concurrent call in another thread consumed it and has not returned yet),
    ``how`` names that call, e.g. ``"delegate()"``.
    """

    def __init__(
        self,
        message: str,
        *,
        filename: str | None = None,
        lineno: int | None = None,
        how: str = "",
    ) -> None:
        super().__init__(message)
        self.filename = filename
        self.lineno = lineno
        self.how = how
