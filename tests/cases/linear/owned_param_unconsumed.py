"""Settled case: an owned linear parameter that can leave unconsumed is BUD004 on the parameter's line."""
from budgetlint import Reservation


def settle(r: Reservation, ok: bool) -> None:  # expect: BUD004
    if ok:
        r.commit(usd=0.02)
