"""Mints and splits the application's budgets."""
from budgetlint import Borrowed, Budget


def mint(usd: float) -> Budget:
    return Budget(usd=usd)


def split_for(parent: Borrowed[Budget], usd: float) -> Budget:
    return parent.split(usd=usd)


def spend_all(budget: Budget) -> None:
    budget.spend(usd=0.1)
    budget.close()
