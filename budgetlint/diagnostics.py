"""The diagnostic every front end reports, and the one of a file that cannot be analysed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from budgetlint.rules.catalog import rule

ANALYSIS_ERROR: Final = "BUD900"


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One reported problem. ``line`` is 1-based, ``col`` 0-based (as
    ``ast``, flake8 and mypy); text output prints ``col + 1``."""

    path: str
    line: int
    col: int
    code: str
    message: str

    def text(self) -> str:
        """``path:line:col: CODE message``, the CLI's text format."""
        return f"{self.path}:{self.line}:{self.col + 1}: {self.code} {self.message}"


def bad_input(path: str, reason: str, line: int = 1, col: int = 0) -> Diagnostic:
    """The one BUD900 diagnostic of a file that could not be analysed."""
    return Diagnostic(path, line, col, ANALYSIS_ERROR,
                      rule(ANALYSIS_ERROR).format(reason=reason))
