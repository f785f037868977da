"""A callee whose parameters are not known (no model, not in this file) borrows (SPEC 4, fourth row)."""
import json

from budgetlint import Budget


def orchestrate() -> None:
    b = Budget(usd=5)
    json.dumps(b, default=repr)
    json.dumps(b, default=repr)
    b.spend(usd=0.01)
