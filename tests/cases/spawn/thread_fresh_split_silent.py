"""Threads each given a fresh split: no fan-out, the parent stays live."""
import threading

from budgetlint import Budget


def work(name: str, budget: Budget) -> None:
    budget.spend(usd=0.01)


def orchestrate(names: list[str]) -> None:
    b = Budget(usd=5)
    threads = []
    for n in names:
        t = threading.Thread(target=work, args=(n, b.split(usd=0.5)))
        t.start()
        threads.append(t)
    for t in threads:
        t.join()
    b.spend(usd=0.01)
