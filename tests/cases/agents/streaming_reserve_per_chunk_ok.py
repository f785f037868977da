"""A streaming loop that reserves per chunk and settles each reservation before the next: silent."""
from collections.abc import AsyncIterator

from budgetlint import Budget, BudgetExceeded


async def stream_completion(prompt: str) -> AsyncIterator[str]:
    for word in prompt.split():
        yield word


async def stream_answer(b: Budget, prompt: str) -> str:
    parts: list[str] = []
    async for chunk in stream_completion(prompt):
        try:
            r = b.reserve(tokens=64)
        except BudgetExceeded:
            break
        if not chunk:
            r.release()
            continue
        parts.append(chunk)
        r.commit(tokens=len(chunk))
    return " ".join(parts)
