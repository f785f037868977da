"""The catalog example of BUD003: release after commit."""
from budgetlint import Budget

b = Budget(usd=1)
r = b.reserve(usd=0.05)
r.commit(usd=0.03)
r.release()  # expect: BUD003
