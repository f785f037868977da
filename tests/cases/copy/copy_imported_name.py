"""`from copy import copy` is the same copier under another name: BUD002."""
from copy import copy as shallow

from budgetlint import Budget


def per_worker(b: Budget) -> Budget:
    twin = shallow(b)  # expect: BUD002
    return twin
