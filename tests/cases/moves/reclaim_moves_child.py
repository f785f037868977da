"""`parent.reclaim(child)` moves `child` (SPEC 4): spending from it afterwards is BUD001."""
from budgetlint import Budget


def run_step(b: Budget) -> None:
    child = b.split(usd=1)
    child.spend(usd=0.20)
    b.reclaim(child)
    child.spend(usd=0.01)  # expect: BUD001
