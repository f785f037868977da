"""split and spend borrow the parent; reclaiming a child and splitting a fresh one is fine."""
from budgetlint import Budget


def run_steps(b: Budget, steps: int) -> None:
    for _ in range(steps):
        child = b.split(usd=1)
        child.spend(usd=0.20)
        b.reclaim(child)
    b.spend(usd=0.01)
