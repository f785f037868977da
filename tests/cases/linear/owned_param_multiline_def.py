"""BUD004 for a parameter is reported on the parameter's own line in a multi-line signature."""
from budgetlint import Reservation


def settle(
    ok: bool,
    r: Reservation,  # expect: BUD004
    cost: float,
) -> None:
    if ok:
        r.commit(usd=cost)
