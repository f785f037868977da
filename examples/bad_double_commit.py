"""Incident 4, a reservation committed twice: a retry loop reuses one reservation and commits it on every attempt.

Run: python examples/bad_double_commit.py (the second commit raises BudgetMovedError).
`budgetlint check examples/` reports BUD003 on the commit.
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
    reservation = budget.reserve(usd=0.05, tokens=2_000)
    attempt = 0
    while True:
        attempt += 1
        reply, tokens = await call_llm(prompt, attempt)
        # Bug: the reservation was already committed by the previous attempt.
        reservation.commit(usd=tokens * PRICE_PER_TOKEN, tokens=tokens)  # expect: BUD003
        if is_valid(reply) or attempt >= MAX_ATTEMPTS:
            return reply
        await asyncio.sleep(0.05 * attempt)


async def main() -> None:
    budget = Budget(usd=1.00, tokens=100_000, name="retries")
    print(await ask_with_retries(budget, "name three affine type systems"))
    print(budget.usage)


if __name__ == "__main__":
    asyncio.run(main())
