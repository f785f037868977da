"""`r` is consumed when the `with` block exits: committing it afterwards is BUD003."""
from budgetlint import Budget


def call_model(b: Budget) -> None:
    with b.reserve(usd=0.05) as r:
        print("calling")
    r.commit(usd=0.02)  # expect: BUD003
