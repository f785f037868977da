"""A nested def given to `threading.Thread` sends its capture into the thread: BUD001 on a later use."""
import threading

from budgetlint import Budget


def orchestrate() -> None:
    b = Budget(usd=5)

    def work() -> None:
        b.spend(usd=0.01)

    t = threading.Thread(target=work)
    t.start()
    b.spend(usd=0.01)  # expect: BUD001
    t.join()
