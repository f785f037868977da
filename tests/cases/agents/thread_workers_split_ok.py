"""`threading.Thread` workers, each with its own split, joined before the parent closes: silent."""
import threading

from budgetlint import Budget


def crawl(url: str, budget: Budget, out: list[str]) -> None:
    budget.spend(usd=0.01)
    out.append(url)


def crawl_all(urls: list[str]) -> list[str]:
    b = Budget(usd=1.00, calls=100, name="crawler")
    out: list[str] = []
    threads = [threading.Thread(target=crawl, args=(u, b.split(usd=0.05), out)) for u in urls]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    usage = b.close()
    print(usage.spent)
    return out
