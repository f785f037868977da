"""The same orchestrator handing the one budget to every sub-agent: BUD005 on the gather."""
import asyncio

from budgetlint import Budget


async def call_llm(prompt: str) -> str:
    await asyncio.sleep(0)
    return f"answer to {prompt}"


async def research(question: str, budget: Budget) -> str:
    with budget.reserve(usd=0.05, tokens=4_000) as r:
        answer = await call_llm(question)
        r.commit(usd=0.02, tokens=len(answer))
    return answer


async def orchestrate(questions: list[str]) -> list[str]:
    b = Budget(usd=2.00, tokens=200_000, name="orchestrator")
    notes = await asyncio.gather(*(research(q, b) for q in questions))  # expect: BUD005
    return list(notes)
