"""Two threads started with the same budget: BUD005 at the second send."""
import threading

from budgetlint import Budget


def work(budget: Budget) -> None:
    budget.spend(usd=0.01)


def orchestrate() -> None:
    b = Budget(usd=5)
    t1 = threading.Thread(target=work, args=(b,))
    t2 = threading.Thread(target=work, args=(b,))  # expect: BUD005
    t1.start()
    t2.start()
