"""`while`/`else` with `break`: commit before `break`, release in the `else`."""
from budgetlint import Budget


def pick(b: Budget, queue: list[str]) -> None:
    r = b.reserve(usd=0.05)
    while queue:
        if queue.pop() == "ok":
            r.commit(usd=0.02)
            break
    else:
        r.release()
