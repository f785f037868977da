"""Module-level code is one body too (SPEC 5): a use after `delegate()` there is BUD001."""
from budgetlint import Budget

b = Budget(usd=5)
owner = b.delegate()
owner.spend(usd=0.01)
b.spend(usd=0.01)  # expect: BUD001
