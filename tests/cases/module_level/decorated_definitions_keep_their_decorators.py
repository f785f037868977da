"""A definition is read with its decorators, even when only a decorator
ties it to budgets, and however many lines they take."""
import functools

from budgetlint import Budget, consumes


def traced(fn):  # an unrelated decorator: it names nothing tracked
    return fn


class Ledger:
    @traced
    @consumes(
        "budget",
    )
    def settle(self, budget: Budget) -> None:
        budget.close()


@functools.lru_cache(maxsize=None)
def plain() -> int:
    return 1


def settle_twice(ledger: Ledger) -> None:
    budget = Budget(usd=1)
    ledger.settle(budget)
    ledger.settle(budget)  # expect: BUD001
