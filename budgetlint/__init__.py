"""budgetlint: affine ownership for LLM-agent budgets.

This package exports the runtime only (standard library and
typing-extensions); the checkers live in submodules that import their
heavy dependencies themselves. The static checkers resolve these names by
reading the import lines below, so they stay plain ``from ... import``
statements.
"""

from budgetlint.runtime.budget import Budget as Budget
from budgetlint.runtime.budget import Reservation as Reservation
from budgetlint.runtime.errors import BudgetError as BudgetError
from budgetlint.runtime.errors import BudgetExceeded as BudgetExceeded
from budgetlint.runtime.errors import BudgetMovedError as BudgetMovedError
from budgetlint.runtime.money import Amount as Amount
from budgetlint.runtime.money import Usage as Usage
from budgetlint.runtime.ownership import Borrowed as Borrowed
from budgetlint.runtime.ownership import affine as affine
from budgetlint.runtime.ownership import consumes as consumes
from budgetlint.runtime.ownership import linear as linear

__version__ = "0.1.0"

__all__ = [
    "Amount",
    "Borrowed",
    "Budget",
    "BudgetError",
    "BudgetExceeded",
    "BudgetMovedError",
    "Reservation",
    "Usage",
    "__version__",
    "affine",
    "consumes",
    "linear",
]
