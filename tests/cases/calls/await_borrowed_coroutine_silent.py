"""Sequential awaits of a coroutine taking `Borrowed[Budget]` only borrow."""
from budgetlint import Borrowed, Budget


async def call_llm(prompt: str) -> str:
    return prompt.upper()


async def ask(prompt: str, budget: Borrowed[Budget]) -> str:
    budget.spend(usd=0.01)
    return await call_llm(prompt)


async def orchestrate(prompts: list[str]) -> list[str]:
    b = Budget(usd=5)
    answers = []
    for p in prompts:
        answers.append(await ask(p, b))
    b.spend(usd=0.01)
    return answers
