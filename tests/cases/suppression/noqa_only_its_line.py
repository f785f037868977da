"""A `# noqa` comment covers only its own line: the same finding elsewhere is still reported."""
from budgetlint import Budget


def hand_off(b: Budget, c: Budget) -> None:
    owner = b.delegate()
    b.spend(usd=0.01)  # noqa: BUD001
    other = c.delegate()
    c.spend(usd=0.01)  # expect: BUD001
    print(owner, other)
