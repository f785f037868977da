"""Returning a local affine object whose field holds a budget moves it whole: no use after move."""

from budgetlint import Budget, affine


@affine
class Reviewer:
    def __init__(self, budget: Budget) -> None:
        self.budget = budget


def make(b: Budget) -> Reviewer:
    reviewer = Reviewer(b.split(usd=1))
    return reviewer
