"""The conformance corpus, run through every front end (see ``tests/corpus.py``).

Each front end runs once over the whole corpus; then, per case file, the set
of ``(line, code)`` it reported must equal the case's expectations exactly,
and the front ends must agree with each other.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest
from corpus import FRONT_ENDS, Case, FrontEnd, collect, expectations, materialize

from budgetlint.diagnostics import Diagnostic
from budgetlint.rules.catalog import Rule, iter_rules

CORPUS = collect()

Results = Callable[[FrontEnd], Mapping[Path, list[Diagnostic]]]


class _MypyOnlyTally:
    """Prints, after the run, how many expectations only mypy must meet."""

    def __init__(self, cases: list[Case]) -> None:
        per_case = [len(expectations(case.text).mypy_only) for case in cases]
        self.expectations = sum(per_case)
        self.files = sum(1 for count in per_case if count)

    def pytest_terminal_summary(self, terminalreporter: pytest.TerminalReporter) -> None:
        terminalreporter.write_line(
            f"budgetlint corpus: {self.expectations} expectation(s) in {self.files} file(s)"
            " are mypy-only (# expect-mypy): the CLI and flake8 must not report them"
        )


@pytest.fixture(scope="module", autouse=True)
def _report_mypy_only(pytestconfig: pytest.Config) -> None:
    name = "budgetlint-corpus-mypy-only"
    if not pytestconfig.pluginmanager.has_plugin(name):
        pytestconfig.pluginmanager.register(_MypyOnlyTally(CORPUS), name)


@pytest.fixture(scope="module")
def case_paths(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return materialize(CORPUS, tmp_path_factory.mktemp("catalog_examples"))


@pytest.fixture(scope="module")
def results(case_paths: dict[str, Path]) -> Results:
    """Each front end's diagnostics by file, computed on first request."""
    done: dict[str, Mapping[Path, list[Diagnostic]]] = {}
    paths = sorted(set(case_paths.values()))

    def get(front_end: FrontEnd) -> Mapping[Path, list[Diagnostic]]:
        if front_end.name not in done:
            done[front_end.name] = front_end.run(paths)
        return done[front_end.name]

    return get


def _findings(
    results: Results, front_end: FrontEnd, case: Case, case_paths: dict[str, Path]
) -> list[Diagnostic]:
    return results(front_end).get(case_paths[case.id].resolve(), [])


def _show(found: list[Diagnostic]) -> str:
    return "\n".join(f"  {d.line}:{d.col + 1}: {d.code} {d.message}" for d in found) or "  none"


@pytest.mark.parametrize("front_end", FRONT_ENDS, ids=lambda front_end: front_end.name)
@pytest.mark.parametrize("case", CORPUS, ids=lambda case: case.id)
def test_case(
    case: Case, front_end: FrontEnd, results: Results, case_paths: dict[str, Path]
) -> None:
    expected = expectations(case.text).for_front_end(front_end)
    found = _findings(results, front_end, case, case_paths)
    got = {(d.line, d.code) for d in found}
    assert got == expected, (
        f"{case.id} through {front_end.name}\n"
        f"missing (expected, not reported): {sorted(expected - got)}\n"
        f"unexpected (reported, not expected): {sorted(got - expected)}\n"
        f"reported:\n{_show(found)}"
    )
    sites = Counter((d.line, d.col, d.code) for d in found)
    assert all(count == 1 for count in sites.values()), f"reported twice:\n{_show(found)}"


@pytest.mark.parametrize("case", CORPUS, ids=lambda case: case.id)
def test_front_ends_agree(case: Case, results: Results, case_paths: dict[str, Path]) -> None:
    mypy_only = expectations(case.text).mypy_only
    seen = {
        front_end.name: {(d.line, d.code) for d in _findings(results, front_end, case, case_paths)}
        - (mypy_only if front_end.sees_mypy_only else frozenset())
        for front_end in FRONT_ENDS
    }
    assert len(set(map(frozenset, seen.values()))) == 1, f"{case.id}: {seen}"


@pytest.mark.parametrize("case", [c for c in CORPUS if c.silent], ids=lambda case: case.id)
def test_corrected_code_expects_nothing(case: Case) -> None:
    expected = expectations(case.text)
    assert not expected.everywhere and not expected.mypy_only


@pytest.mark.parametrize("rule", [r for r in iter_rules() if r.example], ids=lambda rule: rule.code)
def test_catalog_example_triggers_its_rule(rule: Rule) -> None:
    assert rule.code in {code for _, code in expectations(rule.example).everywhere}
