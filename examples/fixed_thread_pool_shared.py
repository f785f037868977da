"""Incident 6, fixed: each submitted job gets its own child of the pool's budget.

Run: python examples/fixed_thread_pool_shared.py (simulated blocking model calls, no network).
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
    kids = budget.split_even(len(docs))
    with ThreadPoolExecutor(max_workers=8) as pool:
        futures = {}
        for doc, kid in zip(docs, kids):
            futures[pool.submit(label_document, doc, kid)] = doc
        for future in as_completed(futures):
            labels[futures[future]] = future.result()
    print(f"unassigned remainder: {budget.remaining.usd} USD")
    return labels


if __name__ == "__main__":
    print(label_all([f"review {i}: {'good' if i % 2 else 'bad'}" for i in range(16)]))
