"""A second module listed in `mint-authority`: minting user-defined affine values is allowed here too."""
from budgetlint import Budget, affine


@affine
class Credits:
    def __init__(self, amount: int) -> None:
        self.amount = amount


def mint_pair() -> tuple[Budget, Credits]:
    return Budget(usd=5), Credits(10)
