"""The model class is found through a module import as well as a from-import."""
import token_budgets


def run(b: token_budgets.Budget) -> None:
    nxt = b.spend(100)
    print(nxt)
    b.spend(200)  # expect: BUD001
