"""Incident 5, a reservation leaked on an error path: a tool call that fails returns without releasing its hold.

Run: python examples/bad_leaked_reservation.py (each leaked hold comes back only when garbage-collected, with a ResourceWarning).
`budgetlint check examples/` reports BUD004 on the reserve.
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
    reservation = budget.reserve(usd=0.10)  # expect: BUD004
    try:
        raw = await run_tool(name, args)
    except ToolError as exc:
        # Bug: this path returns with the 0.10 USD still reserved.
        return {"error": str(exc)}
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
