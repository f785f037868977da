"""`extra-linear` makes an undecorated class linear: an instance never consumed is BUD004."""
from budgetlint import consumes


class Permit:
    def __init__(self, scope: str) -> None:
        self.scope = scope

    @consumes
    def use(self) -> str:
        return self.scope


def deploy(ok: bool) -> None:
    p = Permit("prod")  # expect: BUD004
    if ok:
        p.use()
