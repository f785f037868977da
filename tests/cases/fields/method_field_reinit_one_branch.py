"""Re-initialised on one branch only: the method can still return with the field moved (BUD007)."""
from budgetlint import Budget


class Agent:
    def __init__(self, budget: Budget) -> None:
        self.budget = budget

    def hand_over(self, replace: bool) -> Budget:
        owner = self.budget.delegate()  # expect: BUD007
        if replace:
            self.budget = owner.split(usd=1)
        return owner
