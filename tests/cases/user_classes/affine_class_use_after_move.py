"""An `@affine` user class is tracked like `Budget`: a use after a move is BUD001."""
from budgetlint import affine


@affine
class ApiKey:
    def __init__(self, secret: str) -> None:
        self.secret = secret

    def header(self) -> str:
        return f"Bearer {self.secret}"


def install(key: ApiKey) -> None:
    print(key.header())


def setup() -> None:
    key = ApiKey("sk-test")
    install(key)
    print(key.header())  # expect: BUD001
