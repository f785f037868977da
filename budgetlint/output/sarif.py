"""The sarif format: one SARIF 2.1.0 log, as GitHub code scanning reads it.

The driver lists every rule of the catalog (its documentation page as the
help text), whether or not it fired, so a viewer can explain any result.
Artifact URIs are relative to the working directory, with forward slashes.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import quote

from budgetlint import __version__
from budgetlint.diagnostics import Diagnostic
from budgetlint.rules.catalog import Rule, iter_rules
from budgetlint.rules.docs import REPOSITORY_URL, rule_markdown, rule_url

SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
LEVEL = "error"


def render(diagnostics: Sequence[Diagnostic]) -> str:
    """The diagnostics as one SARIF log."""
    rules = list(iter_rules())
    index = {rule.code: position for position, rule in enumerate(rules)}
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "budgetlint",
                        "version": __version__,
                        "informationUri": REPOSITORY_URL,
                        "rules": [_descriptor(rule) for rule in rules],
                    }
                },
                # Sites count code points, not UTF-16 units.
                "columnKind": "unicodeCodePoints",
                "results": [_result(d, index[d.code]) for d in diagnostics],
            }
        ],
    }
    return json.dumps(log, indent=2) + "\n"


def _descriptor(rule: Rule) -> dict[str, object]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.what_it_does},
        "help": {"text": f"{rule.what_it_does}\n\n{rule.why_bad}", "markdown": rule_markdown(rule)},
        "helpUri": rule_url(rule.code),
        "defaultConfiguration": {"level": LEVEL, "enabled": rule.default_enabled},
    }


def _result(diagnostic: Diagnostic, rule_index: int) -> dict[str, object]:
    column = diagnostic.col + 1
    return {
        "ruleId": diagnostic.code,
        "ruleIndex": rule_index,
        "level": LEVEL,
        "message": {"text": diagnostic.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(diagnostic.path)},
                    # A diagnostic has no end: the region is its first character.
                    "region": {
                        "startLine": diagnostic.line,
                        "startColumn": column,
                        "endLine": diagnostic.line,
                        "endColumn": column + 1,
                    },
                }
            }
        ],
    }


def artifact_uri(path: str) -> str:
    """``path`` as a URI reference: relative to the working directory with
    forward slashes, or a ``file:`` URI for a file outside it."""
    absolute = Path(path).absolute()
    relative = os.path.relpath(absolute)
    if relative == os.pardir or relative.startswith(os.pardir + os.sep):
        return absolute.as_uri()
    return quote(Path(relative).as_posix())
