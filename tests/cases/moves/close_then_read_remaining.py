"""`close()` consumes the budget; even reading `remaining` afterwards is a use (BUD001)."""
from budgetlint import Budget


def finish(b: Budget) -> None:
    usage = b.close()
    print(usage.spent)
    print(b.remaining)  # expect: BUD001
