"""Storing an owned parameter or a fresh child in `__init__` moves it into the object: fine."""
from budgetlint import Borrowed, Budget


class Agent:
    def __init__(self, budget: Budget, parent: Borrowed[Budget]) -> None:
        self.budget = budget
        self.scratch = parent.split(usd=0.10)
        self.scratch.spend(usd=0.01)
