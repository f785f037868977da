"""A retry loop that reserves per attempt and commits or releases each one: silent."""
import asyncio

from budgetlint import Budget


async def call_llm(prompt: str) -> str:
    await asyncio.sleep(0)
    return prompt


async def ask(b: Budget, prompt: str) -> str | None:
    for attempt in range(3):
        r = b.reserve(usd=0.05, tokens=4_000)
        try:
            reply = await call_llm(prompt)
            r.commit(usd=0.02, tokens=len(reply))
            break
        except TimeoutError:
            r.release()
            await asyncio.sleep(2**attempt)
    else:
        return None
    return reply
