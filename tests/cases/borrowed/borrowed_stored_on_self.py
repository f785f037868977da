"""The catalog example of BUD006: storing a borrowed budget on `self`."""
from budgetlint import Borrowed, Budget


class Agent:
    def attach(self, budget: Borrowed[Budget]) -> None:
        self.budget = budget  # expect: BUD006
