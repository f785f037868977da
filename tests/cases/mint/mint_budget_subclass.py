"""A subclass of `Budget` is affine: constructing it outside the mint authority is BUD008."""
from budgetlint import Budget


class TeamBudget(Budget):
    pass


def make_team_budget() -> Budget:
    return TeamBudget(usd=5)  # expect: BUD008
