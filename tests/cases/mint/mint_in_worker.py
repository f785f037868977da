"""A budget constructed outside the mint authority is BUD008 (SPEC 6; on because mint-authority is set)."""
from budgetlint import Budget


def run_worker(prompt: str) -> None:
    b = Budget(usd=1)  # expect: BUD008
    b.spend(usd=0.01, tokens=len(prompt))
