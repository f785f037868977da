"""A helper that borrows the parent and returns a child: the parent stays live and the child is owned."""
from budgetlint import Borrowed, Budget


def carve(parent: Borrowed[Budget], share: float) -> Budget:
    return parent.split(usd=share)


def run_sub_agent(budget: Budget) -> None:
    budget.spend(usd=0.01)


def orchestrate(n: int) -> None:
    b = Budget(usd=5)
    for _ in range(n):
        run_sub_agent(carve(b, 0.5))
    b.spend(usd=0.01)
