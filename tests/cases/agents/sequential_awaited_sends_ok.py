"""A pipeline that awaits each stage in turn, lending the same budget to each task: silent (SPEC 5, Spawning)."""
import asyncio

from budgetlint import Budget


async def call_llm(prompt: str) -> str:
    await asyncio.sleep(0)
    return prompt


async def stage(name: str, text: str, budget: Budget) -> str:
    budget.spend(usd=0.02, tokens=len(text))
    return await call_llm(f"{name}: {text}")


def blocking_format(text: str, budget: Budget) -> str:
    budget.spend(usd=0.001)
    return text.strip()


async def pipeline(doc: str) -> str:
    b = Budget(usd=0.50, name="pipeline")
    draft = await asyncio.create_task(stage("draft", doc, b))
    review = await asyncio.create_task(stage("review", draft, b))
    final = await asyncio.to_thread(blocking_format, review, b)
    print(b.remaining)
    return final
