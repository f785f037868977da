"""A retry loop that reuses one reservation commits it again on the next attempt: BUD003 at the commit."""
import asyncio

from budgetlint import Budget


async def call_llm(prompt: str) -> str:
    await asyncio.sleep(0)
    return prompt


async def ask(b: Budget, prompt: str) -> str:
    r = b.reserve(usd=0.05, tokens=4_000)
    attempt = 0
    while True:
        attempt += 1
        reply = await call_llm(prompt)
        r.commit(usd=0.02, tokens=len(reply))  # expect: BUD003
        if reply.strip() or attempt >= 3:
            return reply
