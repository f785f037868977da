"""A child opened with `with b.split(...) as child:` is closed at exit: the child is moved after it, the parent is not."""
from budgetlint import Budget


def run_job(b: Budget) -> None:
    with b.split(usd=1) as child:
        child.spend(usd=0.01)
    b.spend(usd=0.01)
    child.spend(usd=0.01)  # expect: BUD001
