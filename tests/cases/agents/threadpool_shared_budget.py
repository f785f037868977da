"""A thread-pool worker pool sharing one budget (submit in a loop): BUD005."""
from concurrent.futures import ThreadPoolExecutor, as_completed

from budgetlint import Budget


def call_llm_blocking(prompt: str) -> str:
    return prompt.upper()


def label(doc: str, budget: Budget) -> str:
    budget.spend(usd=0.01, tokens=len(doc))
    return call_llm_blocking(doc)


def label_all(docs: list[str]) -> list[str]:
    b = Budget(usd=3.00, name="labeller")
    results = []
    with ThreadPoolExecutor(max_workers=8) as pool:
        futures = []
        for d in docs:
            futures.append(pool.submit(label, d, b))  # expect: BUD005
        for f in as_completed(futures):
            results.append(f.result())
    return results
