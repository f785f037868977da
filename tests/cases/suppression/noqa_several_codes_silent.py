"""A `# noqa:` list that includes the code silences it."""
import copy

from budgetlint import Budget


def per_worker(b: Budget) -> Budget:
    return copy.copy(b)  # noqa: BUD001, BUD002
