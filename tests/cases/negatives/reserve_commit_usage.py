"""The SPEC section 3 walk-through, in order: every line is correct."""
from budgetlint import Budget


def walkthrough() -> None:
    b = Budget(usd=5.00, tokens=200_000, calls=50, name="orchestrator")
    b.spend(usd=0.01, tokens=900)
    r = b.reserve(usd=0.05, tokens=4_000)
    r.commit(usd=0.031, tokens=2_480)
    r2 = b.reserve(usd=0.05)
    r2.release()
    with b.reserve(usd=0.05) as r3:
        r3.commit(usd=0.02)
    child = b.split(usd=1.00)
    kids = b.split_even(4)
    b.reclaim(child)
    print(b.cap, b.spent, b.reserved, b.remaining, len(kids))
    owner = b.delegate()
    usage = owner.close()
    print(usage.spent)
    with Budget(usd=1) as scoped:
        scoped.spend(usd=0.01)
