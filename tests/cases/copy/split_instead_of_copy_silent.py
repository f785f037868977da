"""The fix for a copy per worker: a `split` per worker (catalog use_instead of BUD002)."""
from budgetlint import Budget

b = Budget(usd=1)
per_worker = b.split(usd=0.25)
