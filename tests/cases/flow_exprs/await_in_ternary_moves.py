"""An awaited call with an owning parameter inside one branch of a conditional expression: possibly moved (BUD001)."""
from budgetlint import Budget


async def run_sub_agent(budget: Budget) -> str:
    budget.spend(usd=0.01)
    return "done"


async def orchestrate(b: Budget, deep: bool) -> None:
    answer = await run_sub_agent(b) if deep else "skipped"
    print(answer)
    b.spend(usd=0.01)  # expect: BUD001
