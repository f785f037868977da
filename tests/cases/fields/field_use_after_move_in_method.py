"""In a method, a use of `self.budget` after moving it is BUD001; the move itself is BUD007."""
from budgetlint import Budget


class Agent:
    def __init__(self, budget: Budget) -> None:
        self.budget = budget

    def finish(self) -> None:
        usage = self.budget.close()  # expect: BUD007
        print(usage.spent, self.budget.remaining)  # expect: BUD001
