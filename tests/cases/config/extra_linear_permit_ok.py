"""An `extra-linear` instance consumed on every path is fine."""
from budgetlint import consumes


class Permit:
    def __init__(self, scope: str) -> None:
        self.scope = scope

    @consumes
    def use(self) -> str:
        return self.scope


def deploy() -> str:
    p = Permit("prod")
    return p.use()
