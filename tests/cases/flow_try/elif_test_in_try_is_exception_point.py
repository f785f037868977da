"""An elif test inside a try body can raise after the if test moved the budget."""

from budgetlint import Budget


def take(b: Budget) -> bool:
    return b.remaining.usd is not None


def ready() -> bool:
    return True


def run(b: Budget) -> None:
    try:
        if take(b):
            pass
        elif ready():  # raising here: b was already moved into take()
            pass
    except ValueError:
        b.spend(usd=1)  # expect: BUD001
