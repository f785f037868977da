"""Incident 2, delegation fan-out: one budget handed to N concurrent sub-agents that each believe they own all of it.

Run: python examples/bad_delegation_fanout.py (simulated model calls, no network).
`budgetlint check examples/` reports BUD005 on the gather.
"""

import asyncio

from budgetlint import Budget, BudgetExceeded

PRICE_PER_TOKEN = 0.000_01


async def call_llm(prompt: str) -> tuple[str, int]:
    """Simulated model call: returns a reply and the tokens it used."""
    await asyncio.sleep(0.01)
    return f"[model] {prompt[:48]}", 300 + len(prompt)


async def answer(question: str, budget: Budget) -> str:
    """A sub-agent: drafts, then refines while its budget allows."""
    draft = question
    for _ in range(5):
        try:
            r = budget.reserve(usd=0.01, tokens=800)
        except BudgetExceeded:
            break
        draft, tokens = await call_llm(f"improve: {draft}")
        r.commit(usd=tokens * PRICE_PER_TOKEN, tokens=tokens)
    return draft


async def orchestrate(questions: list[str]) -> list[str]:
    budget = Budget(usd=0.20, tokens=40_000, name="fan-out")
    # Bug: every sub-agent runs concurrently against the same budget; each
    # check passes in its own task, and together they spend N times the plan.
    answers = await asyncio.gather(*[answer(q, budget) for q in questions])  # expect: BUD005
    return list(answers)


if __name__ == "__main__":
    for line in asyncio.run(orchestrate(["what is a budget?", "why affine?", "who pays?"])):
        print(line)
