"""A module listed in `mint-authority` may construct budgets (BUD008 stays silent)."""
from budgetlint import Budget

ROOT = Budget(usd=100, name="root")


def fresh_root(usd: float) -> Budget:
    with Budget(usd=1) as probe:
        probe.spend(usd=0.01)
    return Budget(usd=usd, name="root")
