"""Incident 4, fixed: one reservation per attempt, committed or released before the next attempt.

Run: python examples/fixed_double_commit.py (simulated model calls, no network).
"""

import asyncio

from budgetlint import Borrowed, Budget

MAX_ATTEMPTS = 3
PRICE_PER_TOKEN = 0.000_01


async def call_llm(prompt: str, attempt: int) -> tuple[str, int]:
    """Simulated model call: the first attempt returns an empty reply."""
    await asyncio.sleep(0.01)
    return ("" if attempt == 1 else f"[model] {prompt}"), 120 * attempt


def is_valid(reply: str) -> bool:
    return bool(reply.strip())


async def ask_with_retries(budget: Borrowed[Budget], prompt: str) -> str:
    for attempt in range(1, MAX_ATTEMPTS + 1):
        reservation = budget.reserve(usd=0.05, tokens=2_000)
        try:
            reply, tokens = await call_llm(prompt, attempt)
        except TimeoutError:
            reservation.release()
            continue
        reservation.commit(usd=tokens * PRICE_PER_TOKEN, tokens=tokens)
        if is_valid(reply):
            return reply
        await asyncio.sleep(0.05 * attempt)
    raise RuntimeError(f"no valid reply after {MAX_ATTEMPTS} attempts")


async def main() -> None:
    budget = Budget(usd=1.00, tokens=100_000, name="retries")
    print(await ask_with_retries(budget, "name three affine type systems"))
    print(budget.usage)


if __name__ == "__main__":
    asyncio.run(main())
