"""The json format: a list of ``{path, line, column, code, name, message}``
objects, ``column`` 1-based as in the text format."""

from __future__ import annotations

import json
from collections.abc import Sequence

from budgetlint.diagnostics import Diagnostic
from budgetlint.rules.catalog import RULES


def render(diagnostics: Sequence[Diagnostic]) -> str:
    """The diagnostics as one JSON document."""
    records = [
        {
            "path": diagnostic.path,
            "line": diagnostic.line,
            "column": diagnostic.col + 1,
            "code": diagnostic.code,
            "name": RULES[diagnostic.code].name,
            "message": diagnostic.message,
        }
        for diagnostic in diagnostics
    ]
    return json.dumps(records, indent=2) + "\n"
