"""Correct use across modules: a tool of the re-exporting ``tools`` package
borrows, a child split by ``budget.py`` is closed. Nothing to report anywhere."""
from shop.budget import split_for
from shop.tools import call_tool

from budgetlint import Budget


def review() -> None:
    budget = Budget(usd=1)
    child = split_for(budget, 0.5)
    call_tool("lint", child)
    child.close()
    call_tool("read", budget)
    budget.close()
