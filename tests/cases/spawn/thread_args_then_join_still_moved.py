"""`threading.Thread(target=f, args=(b,))` sends `b`; a join in a later statement does not give it back: BUD001."""
import threading

from budgetlint import Budget


def work(budget: Budget) -> None:
    budget.spend(usd=0.01)


def orchestrate() -> None:
    b = Budget(usd=5)
    t = threading.Thread(target=work, args=(b,))
    t.start()
    t.join()
    b.spend(usd=0.01)  # expect: BUD001
