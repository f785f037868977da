"""A thread-pool worker pool with one child budget per submitted job: silent."""
from concurrent.futures import ThreadPoolExecutor, as_completed

from budgetlint import Budget


def call_llm_blocking(prompt: str) -> str:
    return prompt.upper()


def label(doc: str, budget: Budget) -> str:
    with budget.reserve(usd=0.02, tokens=2_000) as r:
        out = call_llm_blocking(doc)
        r.commit(usd=0.01, tokens=len(out))
    return out


def label_all(docs: list[str]) -> list[str]:
    b = Budget(usd=3.00, name="labeller")
    results = []
    with ThreadPoolExecutor(max_workers=8) as pool:
        futures = [pool.submit(label, d, b.split(usd=0.05)) for d in docs]
        for f in as_completed(futures):
            results.append(f.result())
    print(b.remaining)
    return results
