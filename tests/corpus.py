"""The conformance corpus: its cases, their expectations and the front ends.

A *case* is Python source with its expectations inline, Bugbear-style:

* ``# expect: BUD001`` (or ``BUD001, BUD004``) on a line: every front end
  reports exactly those codes on that line;
* ``# expect-mypy: BUD004``: only front ends that see mypy's types report it;
  the CLI and flake8 must not (the tally is printed after the run).

Cases are every ``tests/cases/**/*.py`` (folders starting with ``_`` hold
models and helpers, not cases), every ``examples/bad_*.py`` and
``examples/fixed_*.py``, and the catalog's ``example`` / ``use_instead``
snippets (written to a temporary folder, so they run as files too).
``fixed_*`` files and ``use_instead`` snippets are *silent*: they must
expect nothing.

A *front end* checks a list of files in one go and returns its diagnostics
by file; adding one is one entry in :data:`FRONT_ENDS`. There are three: the
CLI in process, flake8 in a subprocess, and mypy with the plugin (one mypy
build per group of files sharing their settings).
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import tokenize
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from budgetlint.checking.run import check_paths
from budgetlint.diagnostics import Diagnostic
from budgetlint.rules.catalog import RULES, iter_rules

REPO = Path(__file__).resolve().parent.parent
CASES = REPO / "tests" / "cases"
EXAMPLES = REPO / "examples"

Expectation = tuple[int, str]
"""``(line, code)``."""

_EXPECT = re.compile(r"#\s*expect(?P<mypy>-mypy)?:\s*(?P<codes>[A-Z0-9]+(?:\s*,\s*[A-Z0-9]+)*)")


@dataclass(frozen=True)
class Case:
    """One corpus case."""

    id: str
    """``cases/<folder>/<file>.py``, ``examples/<file>.py`` or ``catalog/<code>/<snippet>``."""
    text: str
    source: Path | None
    """The file the case is; ``None`` for a catalog snippet (written by :func:`materialize`)."""
    silent: bool = False
    """A corrected version: it must expect nothing."""
    config: str = ""
    """``[tool.budgetlint]`` lines a catalog snippet runs under."""


@dataclass(frozen=True)
class Expectations:
    """What a case's comments expect."""

    everywhere: frozenset[Expectation]
    mypy_only: frozenset[Expectation]

    def for_front_end(self, front_end: FrontEnd) -> frozenset[Expectation]:
        """What ``front_end`` must report, exactly."""
        return self.everywhere | self.mypy_only if front_end.sees_mypy_only else self.everywhere


def expectations(text: str) -> Expectations:
    """The ``# expect:`` / ``# expect-mypy:`` comments of ``text``.

    Raises ``ValueError`` for an unknown code or a line that expects the same
    code both everywhere and from mypy only.
    """
    everywhere: set[Expectation] = set()
    mypy_only: set[Expectation] = set()
    for token in tokenize.generate_tokens(io.StringIO(text).readline):
        if token.type != tokenize.COMMENT:
            continue
        line = token.start[0]
        for match in _EXPECT.finditer(token.string):
            for code in (c.strip() for c in match.group("codes").split(",")):
                if code not in RULES:
                    raise ValueError(f"line {line}: unknown code {code!r} in {match.group(0)!r}")
                (mypy_only if match.group("mypy") else everywhere).add((line, code))
    both = everywhere & mypy_only
    if both:
        raise ValueError(f"expected both everywhere and from mypy only: {sorted(both)}")
    return Expectations(frozenset(everywhere), frozenset(mypy_only))


def collect() -> list[Case]:
    """Every case, in a stable order."""
    cases = [
        Case(f"cases/{path.relative_to(CASES).as_posix()}", _read(path), path)
        for path in sorted(CASES.rglob("*.py"))
        if not any(part.startswith("_") for part in path.relative_to(CASES).parent.parts)
    ]
    for pattern, silent in (("bad_*.py", False), ("fixed_*.py", True)):
        cases += [
            Case(f"examples/{path.name}", _read(path), path, silent)
            for path in sorted(EXAMPLES.glob(pattern))
        ]
    for rule in iter_rules():
        config = rule.example_config
        if rule.example:
            cases.append(Case(f"catalog/{rule.code}/example", rule.example, None, False, config))
        if rule.use_instead:
            cases.append(
                Case(f"catalog/{rule.code}/use_instead", rule.use_instead, None, True, config)
            )
    return cases


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def materialize(cases: Iterable[Case], folder: Path) -> dict[str, Path]:
    """Each case's file, by case id: its own file, or for a catalog snippet a
    new file in ``folder`` (no configuration, so the defaults apply, unless
    the rule gives its example one)."""
    paths: dict[str, Path] = {}
    for case in cases:
        if case.source is not None:
            paths[case.id] = case.source
            continue
        # "catalog/BUD001/example" -> BUD001_example.py: a valid module name;
        # a snippet with configuration gets a folder with its pyproject.toml.
        home = folder / case.id.removeprefix("catalog/") if case.config else folder
        home.mkdir(parents=True, exist_ok=True)
        if case.config:
            (home / "pyproject.toml").write_text(
                f"[tool.budgetlint]\n{case.config}\n", encoding="utf-8"
            )
        path = home / (case.id.removeprefix("catalog/").replace("/", "_") + ".py")
        path.write_text(case.text, encoding="utf-8")
        paths[case.id] = path
    return paths


def by_file(diagnostics: Iterable[Diagnostic]) -> dict[Path, list[Diagnostic]]:
    """Diagnostics grouped by resolved file path."""
    grouped: dict[Path, list[Diagnostic]] = {}
    for diagnostic in diagnostics:
        grouped.setdefault(Path(diagnostic.path).resolve(), []).append(diagnostic)
    return grouped


# --- front ends -----------------------------------------------------------------


def run_cli(paths: Sequence[Path]) -> dict[Path, list[Diagnostic]]:
    """``budgetlint check`` in process: one pipeline run over every file, each
    with the settings of its nearest ``[tool.budgetlint]``."""
    return by_file(check_paths([str(path) for path in paths]))


_FLAKE8_FORMAT = "%(path)s\t%(row)d\t%(col)d\t%(code)s\t%(text)s"


def run_flake8(paths: Sequence[Path]) -> dict[Path, list[Diagnostic]]:
    """flake8 once over every file, in a subprocess, reporting BUD codes only.

    ``--isolated`` keeps any flake8 configuration out; budgetlint's own
    ``[tool.budgetlint]`` discovery still applies, as it does for users.
    """
    command = [
        sys.executable,
        "-m",
        "flake8",
        "--isolated",
        "--select",
        "BUD",
        f"--format={_FLAKE8_FORMAT}",
        *(str(path) for path in paths),
    ]
    done = subprocess.run(
        command,
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
        env=dict(os.environ, PYTHONWARNINGS="ignore"),
    )
    if done.returncode not in (0, 1) or done.stderr.strip():
        raise RuntimeError(f"flake8 failed (status {done.returncode}):\n{done.stderr}")
    found = []
    for line in done.stdout.splitlines():
        path, row, col, code, message = line.split("\t", 4)
        # flake8 prints columns 1-based; Diagnostic holds them 0-based.
        found.append(Diagnostic(path, int(row), int(col) - 1, code, message))
    return by_file(found)


@dataclass(frozen=True)
class FrontEnd:
    """A way of running budgetlint over the corpus."""

    name: str
    run: Callable[[Sequence[Path]], Mapping[Path, list[Diagnostic]]]
    """Checks every file in one go; diagnostics by resolved path (see :func:`by_file`)."""
    sees_mypy_only: bool = False
    """Whether it must also report the ``# expect-mypy`` expectations."""


def run_mypy(paths: Sequence[Path]) -> dict[Path, list[Diagnostic]]:
    """mypy with the budgetlint plugin, in process, over every file at once."""
    # Imported here: only this front end needs mypy loaded.
    from mypy_batch import check_corpus

    return check_corpus(paths)


FRONT_ENDS: tuple[FrontEnd, ...] = (
    FrontEnd("cli", run_cli),
    FrontEnd("flake8", run_flake8),
    FrontEnd("mypy", run_mypy, sees_mypy_only=True),
)
