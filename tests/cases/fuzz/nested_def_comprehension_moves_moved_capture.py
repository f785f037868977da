"""A nested def whose comprehension moves an already-moved capture: BUD001 at the def (the capture) and at the comprehension, each site once (SPEC 6)."""
from budgetlint import Budget


def take(budget: Budget) -> float:
    budget.spend(usd=1)
    return 1.0


def run(b: Budget, xs: list[int]) -> None:
    take(b)

    def inner() -> None:  # expect: BUD001
        print([take(b) for _ in xs])  # expect: BUD001

    inner()
