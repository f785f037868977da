"""The text format, ``path:line:col: CODE message`` (column 1-based), and the
human summaries (``Found 3 errors.``, ``--statistics``)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from budgetlint.diagnostics import Diagnostic
from budgetlint.rules.catalog import RULES


def render(diagnostics: Sequence[Diagnostic]) -> str:
    """One line per diagnostic."""
    return "".join(f"{diagnostic.text()}\n" for diagnostic in diagnostics)


def summary(diagnostics: Sequence[Diagnostic]) -> str:
    """The closing line, as ruff prints it."""
    count = len(diagnostics)
    if not count:
        return "All checks passed.\n"
    return f"Found {count} error{'' if count == 1 else 's'}.\n"


def statistics(diagnostics: Sequence[Diagnostic]) -> str:
    """One line per code: count, code and rule name, in code order."""
    counts = Counter(diagnostic.code for diagnostic in diagnostics)
    width = len(str(max(counts.values(), default=0)))
    return "".join(
        f"{counts[code]:>{width}}  {code}  {RULES[code].name}\n" for code in sorted(counts)
    )
