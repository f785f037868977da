"""A lambda run in place by an ordinary call borrows its capture (SPEC 4, capture row)."""
from budgetlint import Budget


def rank(b: Budget, jobs: list[str]) -> list[str]:
    ordered = sorted(jobs, key=lambda j: (len(j), str(b.remaining)))
    b.spend(usd=0.01)
    return ordered
