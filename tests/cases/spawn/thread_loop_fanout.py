"""Threads created in a loop with the same budget: BUD005."""
from threading import Thread

from budgetlint import Budget


def work(name: str, budget: Budget) -> None:
    budget.spend(usd=0.01)


def orchestrate(names: list[str]) -> None:
    b = Budget(usd=5)
    threads = [Thread(target=work, args=(n, b)) for n in names]  # expect: BUD005
    for t in threads:
        t.start()
