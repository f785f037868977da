"""Incident 5, fixed: the reservation is held in a `with` block, so every path out of it releases or commits.

Run: python examples/fixed_leaked_reservation.py (simulated tool calls, no network).
"""

import asyncio
import json

from budgetlint import Borrowed, Budget, BudgetExceeded


class ToolError(Exception):
    """A tool refused its arguments."""


async def run_tool(name: str, args: dict[str, str]) -> str:
    """Simulated tool call: the search tool fails on empty queries."""
    await asyncio.sleep(0.01)
    if name == "search" and not args.get("q"):
        raise ToolError("empty query")
    return json.dumps({"tool": name, "result": f"3 hits for {args.get('q')}"})


async def call_tool(
    budget: Borrowed[Budget], name: str, args: dict[str, str]
) -> dict[str, str]:
    with budget.reserve(usd=0.10) as reservation:
        try:
            raw = await run_tool(name, args)
        except ToolError as exc:
            return {"error": str(exc)}  # released when the block exits
        reservation.commit(usd=0.02)
    result: dict[str, str] = json.loads(raw)
    return result


async def main() -> None:
    budget = Budget(usd=0.30, name="tools")
    for query in ["", "", "", "affine types"]:
        try:
            print(await call_tool(budget, "search", {"q": query}))
        except BudgetExceeded as exc:
            print("refused:", exc)


if __name__ == "__main__":
    asyncio.run(main())
