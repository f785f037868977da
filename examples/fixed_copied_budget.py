"""Incident 3, fixed: the pool's budget is split evenly, one child per worker.

Run: python examples/fixed_copied_budget.py (simulated model calls, no network).
"""

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
    # The children together hold exactly what the pool had.
    workers = [Worker(f"w{i}", kid) for i, kid in enumerate(budget.split_even(n_workers))]
    for i, w in enumerate(workers):
        w.work(jobs[i::n_workers])
    return [reply for w in workers for reply in w.done]


if __name__ == "__main__":
    print(run_pool([f"job {i}" for i in range(20)]))
