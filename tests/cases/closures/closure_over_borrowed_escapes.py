"""A returned closure capturing a borrowed budget lets it escape: BUD006 at the closure."""
from collections.abc import Callable

from budgetlint import Borrowed, Budget


def make_charger(budget: Borrowed[Budget]) -> Callable[[], None]:
    return lambda: budget.spend(usd=0.01)  # expect: BUD006
