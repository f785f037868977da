"""A closure passed to an ordinary (non-spawner) call borrows (SPEC 5, Calls)."""
from collections.abc import Callable

from budgetlint import Borrowed, Budget


def with_retries(action: Callable[[], str], attempts: int) -> str:
    for _ in range(attempts - 1):
        try:
            return action()
        except TimeoutError:
            pass
    return action()


def ask(prompt: str, budget: Borrowed[Budget]) -> str:
    budget.spend(usd=0.01)
    return prompt


def orchestrate() -> None:
    b = Budget(usd=5)
    answer = with_retries(lambda: ask("plan", b), attempts=3)
    print(answer)
    b.spend(usd=0.01)
