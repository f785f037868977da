"""A class that only spends its budget field in methods, and hands out splits, stays silent."""
from budgetlint import Budget


class Researcher:
    def __init__(self, budget: Budget) -> None:
        self.budget = budget

    def step(self, prompt: str) -> None:
        self.budget.spend(usd=0.01, tokens=len(prompt))

    def child(self) -> Budget:
        return self.budget.split(usd=0.10)

    def left(self) -> str:
        return str(self.budget.remaining)


def run(r: Researcher) -> None:
    r.step("a")
    r.step("b")
    kid = r.child()
    kid.spend(usd=0.01)
    print(r.left())
