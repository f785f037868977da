"""Splitting, delegating and reserving from a budget handed down is not minting."""
from budgetlint import Borrowed, Budget


def run_worker(parent: Borrowed[Budget], prompt: str) -> Budget:
    child = parent.split(usd=1)
    kids = child.split_even(2)
    with parent.reserve(usd=0.05) as r:
        r.commit(usd=0.01)
    for k in kids:
        child.reclaim(k)
    child.spend(usd=0.01, tokens=len(prompt))
    return child.delegate()
