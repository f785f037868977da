"""A tool call whose reservation leaks when the tool raises: BUD004 at the reserve."""
import asyncio
import json

from budgetlint import Budget


async def call_tool(name: str, args: dict[str, str]) -> str:
    await asyncio.sleep(0)
    return json.dumps({"tool": name, **args})


async def run_tool(b: Budget, name: str, args: dict[str, str]) -> dict[str, str] | None:
    r = b.reserve(usd=0.10)  # expect: BUD004
    try:
        raw = await call_tool(name, args)
        result: dict[str, str] = json.loads(raw)
    except (TimeoutError, json.JSONDecodeError):
        return None
    r.commit(usd=0.04)
    return result
