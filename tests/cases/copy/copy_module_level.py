"""The catalog example of BUD002: a copy at module level."""
import copy

from budgetlint import Budget

b = Budget(usd=1)
per_worker = copy.copy(b)  # expect: BUD002
