"""An import inside a try body can raise: the handler sees what came before it."""

from budgetlint import Budget


def settle(b: Budget) -> None:
    r = b.reserve(usd=1)
    try:
        r.commit(usd=1)
        import json  # ImportError here leaves r committed
    except ImportError:
        r.release()  # expect: BUD003
    else:
        print(json)
