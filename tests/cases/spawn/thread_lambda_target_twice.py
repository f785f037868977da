"""A closure passed to a spawner sends its captures: two such threads reach `b` (BUD005)."""
import threading

from budgetlint import Budget


def work(budget: Budget) -> None:
    budget.spend(usd=0.01)


def orchestrate() -> None:
    b = Budget(usd=5)
    threading.Thread(target=lambda: work(b)).start()
    threading.Thread(target=lambda: work(b)).start()  # expect: BUD005
