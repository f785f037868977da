"""A subclass of `Budget` is affine (SPEC 2): a use after `delegate()` is BUD001."""
from budgetlint import Budget


class TeamBudget(Budget):
    pass


def run_team() -> None:
    tb = TeamBudget(usd=10, name="team")
    owner = tb.delegate()
    owner.spend(usd=0.01)
    tb.spend(usd=0.01)  # expect: BUD001
