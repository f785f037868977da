"""Reading a reservation after it was consumed is BUD003, not BUD001 (SPEC 5, Precedence)."""
from budgetlint import Budget


def call_model(b: Budget) -> None:
    r = b.reserve(usd=0.05)
    r.commit(usd=0.02)
    print(r)  # expect: BUD003
