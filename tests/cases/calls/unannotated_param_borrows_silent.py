"""An unannotated parameter borrows (SPEC 4, fourth row)."""
from budgetlint import Budget


def log_budget(value, note: str) -> None:  # type: ignore[no-untyped-def]
    print(note, value)


def orchestrate() -> None:
    b = Budget(usd=5)
    log_budget(b, "start")
    b.spend(usd=0.01)
    log_budget(b, "end")
