"""A research orchestrator that gives each sub-agent its own `split_even` child and gathers them: silent."""
import asyncio

from budgetlint import Borrowed, Budget


async def call_llm(prompt: str) -> str:
    await asyncio.sleep(0)
    return f"answer to {prompt}"


async def research(question: str, budget: Budget) -> str:
    with budget.reserve(usd=0.05, tokens=4_000) as r:
        answer = await call_llm(question)
        r.commit(usd=0.02, tokens=len(answer))
    return answer


async def summarise(notes: list[str], budget: Borrowed[Budget]) -> str:
    budget.spend(usd=0.01, tokens=sum(len(n) for n in notes))
    return " / ".join(notes)


async def orchestrate(questions: list[str]) -> str:
    b = Budget(usd=2.00, tokens=200_000, name="orchestrator")
    reserve_for_summary = b.split(usd=0.20, tokens=20_000)
    kids = b.split_even(len(questions))
    notes = await asyncio.gather(*(research(q, k) for q, k in zip(questions, kids)))
    return await summarise(list(notes), reserve_for_summary)
