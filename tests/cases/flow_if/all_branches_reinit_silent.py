"""Every branch rebinds after its move: live at the join (like mypy's testDefinedInAllBranches)."""
from budgetlint import Budget


def orchestrate(b: Budget, mode: str) -> None:
    if mode == "a":
        b = b.delegate()
    elif mode == "b":
        owner = b.delegate()
        b = owner.split(usd=1)
    else:
        b = Budget(usd=1)
    b.spend(usd=0.01)
