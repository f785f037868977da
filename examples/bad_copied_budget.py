"""Incident 3, a budget copied per worker: every copy carries the whole cap, so N workers may spend N times it.

Run: python examples/bad_copied_budget.py (the runtime refuses the copy with TypeError).
`budgetlint check examples/` reports BUD002 on the copy.
"""

import copy
from dataclasses import dataclass, field

from budgetlint import Budget, BudgetExceeded

PRICE_PER_TOKEN = 0.000_01


def call_llm(prompt: str) -> tuple[str, int]:
    """Simulated blocking model call: returns a reply and the tokens it used."""
    return prompt.upper(), 200 + len(prompt)


@dataclass
class Worker:
    name: str
    budget: Budget
    done: list[str] = field(default_factory=list)

    def work(self, jobs: list[str]) -> None:
        for job in jobs:
            try:
                with self.budget.reserve(usd=0.01, tokens=500) as r:
                    reply, tokens = call_llm(job)
                    r.commit(usd=tokens * PRICE_PER_TOKEN, tokens=tokens)
            except BudgetExceeded:
                return
            self.done.append(reply)


def run_pool(jobs: list[str], n_workers: int = 4) -> list[str]:
    budget = Budget(usd=0.05, tokens=20_000, name="pool")
    # Bug: "give each worker the budget" by copying it; the cap is now n_workers times larger.
    workers = [Worker(f"w{i}", copy.copy(budget)) for i in range(n_workers)]  # expect: BUD002
    for i, w in enumerate(workers):
        w.work(jobs[i::n_workers])
    return [reply for w in workers for reply in w.done]


if __name__ == "__main__":
    print(run_pool([f"job {i}" for i in range(20)]))
