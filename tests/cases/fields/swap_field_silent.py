"""Moving a field out and storing a replacement before returning is fine (Rust's `mem::replace`)."""
from budgetlint import Budget


class Agent:
    def __init__(self, budget: Budget) -> None:
        self.budget = budget

    def swap(self, new: Budget) -> Budget:
        old = self.budget
        self.budget = new
        return old
