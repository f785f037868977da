"""An owned linear parameter left unconsumed on an explicit `raise` path: BUD004 on the parameter's line."""
from budgetlint import Reservation


def settle(r: Reservation, ok: bool) -> None:  # expect: BUD004
    if ok:
        r.commit(usd=0.01)
    else:
        raise ValueError("refused")
