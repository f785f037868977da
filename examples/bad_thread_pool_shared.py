"""Incident 6, a thread-pool worker pool sharing one budget: `Executor.submit` in a loop hands the same budget to every job.

Run: python examples/bad_thread_pool_shared.py (simulated blocking model calls, no network).
`budgetlint check examples/` reports BUD005 on the submit.
"""

import time
from concurrent.futures import ThreadPoolExecutor, as_completed

from budgetlint import Budget

PRICE_PER_TOKEN = 0.000_01


def call_llm_blocking(prompt: str) -> tuple[str, int]:
    """Simulated blocking model call: returns a label and the tokens it used."""
    time.sleep(0.01)
    return ("positive" if "good" in prompt else "negative"), 150 + len(prompt)


def label_document(doc: str, budget: Budget) -> str:
    with budget.reserve(usd=0.01, tokens=1_000) as r:
        label, tokens = call_llm_blocking(f"label the sentiment: {doc}")
        r.commit(usd=tokens * PRICE_PER_TOKEN, tokens=tokens)
    return label


def label_all(docs: list[str]) -> dict[str, str]:
    budget = Budget(usd=0.50, tokens=100_000, name="labeller")
    labels: dict[str, str] = {}
    with ThreadPoolExecutor(max_workers=8) as pool:
        futures = {}
        for doc in docs:
            # Bug: eight threads at a time, all spending the one budget they were each "given".
            futures[pool.submit(label_document, doc, budget)] = doc  # expect: BUD005
        for future in as_completed(futures):
            labels[futures[future]] = future.result()
    return labels


if __name__ == "__main__":
    print(label_all([f"review {i}: {'good' if i % 2 else 'bad'}" for i in range(16)]))
