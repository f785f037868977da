"""The github format: one workflow command per diagnostic, which GitHub
Actions shows as an annotation on the line
(``::error file=a.py,line=3,col=5,title=BUD001::message``)."""

from __future__ import annotations

from collections.abc import Sequence

from budgetlint.diagnostics import Diagnostic


def escape_data(value: str) -> str:
    """Escape a command's message, as the Actions toolkit's ``escapeData``."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape a property value, as the toolkit's ``escapeProperty``."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render(diagnostics: Sequence[Diagnostic]) -> str:
    """One ``::error`` command per diagnostic."""
    return "".join(
        f"::error file={escape_property(d.path)},line={d.line},col={d.col + 1},"
        f"title={escape_property(d.code)}::{escape_data(d.message)}\n"
        for d in diagnostics
    )
