"""Module-level construction outside the mint authority is BUD008, once per construction."""
from budgetlint import Budget

FIRST = Budget(usd=1)  # expect: BUD008
SECOND = Budget(usd=2, name="second")  # expect: BUD008
