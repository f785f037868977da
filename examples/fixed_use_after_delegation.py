"""Incident 1, fixed: the sub-agent gets a split of the budget, and the parent spends only what it kept.

Run: python examples/fixed_use_after_delegation.py (simulated model calls, no network).
"""

import asyncio

from budgetlint import Budget

PRICE_PER_TOKEN = 0.000_01


async def call_llm(prompt: str, max_tokens: int = 512) -> tuple[str, int]:
    """Simulated model call: returns a reply and the tokens it used."""
    await asyncio.sleep(0.01)
    return f"[model] {prompt[:48]}", min(max_tokens, 40 + len(prompt) // 4)


class ResearchAgent:
    """A sub-agent that owns the budget it is given for the whole of its run."""

    def __init__(self, name: str, budget: Budget) -> None:
        self.name = name
        self.budget = budget

    async def run(self, topic: str) -> list[str]:
        notes = []
        for angle in ("history", "state of the art", "open problems"):
            with self.budget.reserve(usd=0.02, tokens=1_000) as r:
                text, tokens = await call_llm(f"{topic}: {angle}")
                r.commit(usd=tokens * PRICE_PER_TOKEN, tokens=tokens)
            notes.append(text)
        return notes


async def orchestrate(topic: str) -> str:
    budget = Budget(usd=1.00, tokens=50_000, name="orchestrator")
    plan, used = await call_llm(f"plan research on {topic}")
    budget.spend(usd=used * PRICE_PER_TOKEN, tokens=used)

    # The researcher owns a child carved out of the remainder; the parent keeps the rest.
    researcher = ResearchAgent("researcher", budget.split(usd=0.60, tokens=30_000))
    notes = await researcher.run(topic)

    summary, used = await call_llm("summarise: " + plan + " ".join(notes))
    budget.spend(usd=used * PRICE_PER_TOKEN, tokens=used)
    print(f"orchestrator has {budget.remaining.usd} USD left")
    return summary


if __name__ == "__main__":
    print(asyncio.run(orchestrate("affine types")))
