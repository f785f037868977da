"""BUD004 is reported on the line that created the reservation, so that is where `# noqa` goes."""
from budgetlint import Budget


def warm_up(b: Budget) -> None:
    r = b.reserve(usd=0.05)  # noqa: BUD004
    print(r)
