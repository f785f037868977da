"""A nested def whose body consumes the capture moves it at its definition (Rust infers `move`): BUD001."""
from budgetlint import Budget


def orchestrate() -> None:
    b = Budget(usd=5)

    def finish() -> None:
        b.close()

    b.spend(usd=0.01)  # expect: BUD001
    finish()
