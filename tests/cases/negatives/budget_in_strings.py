"""Formatting, logging and comparing a budget borrow it."""
import logging

from budgetlint import Budget

log = logging.getLogger(__name__)


def report(b: Budget) -> str:
    log.info("budget %s", b)
    text = f"{b} has {b.remaining}"
    same = b is b
    print(repr(b), str(b), id(b), isinstance(b, Budget), same)
    b.spend(usd=0.01)
    return text
