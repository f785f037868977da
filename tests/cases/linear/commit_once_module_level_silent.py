"""The catalog fix of BUD003: commit once."""
from budgetlint import Budget

b = Budget(usd=1)
r = b.reserve(usd=0.05)
r.commit(usd=0.03)
