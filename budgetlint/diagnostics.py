"""The diagnostic every front end reports, and the engine's findings."""

from __future__ import annotations

from dataclasses import dataclass


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
