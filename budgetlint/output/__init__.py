"""Output formats of ``budgetlint check``: each turns sorted diagnostics into
the text written to stdout (or ``--output-file``)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType

from budgetlint.diagnostics import Diagnostic
from budgetlint.output import github, json_report, sarif, text

Formatter = Callable[[Sequence[Diagnostic]], str]

FORMATS: Mapping[str, Formatter] = MappingProxyType(
    {
        "text": text.render,
        "json": json_report.render,
        "sarif": sarif.render,
        "github": github.render,
    }
)
"""Every ``--format``, by name."""
