"""Helpers for the plugin-only tests: small projects run through mypy.

Each test writes a project (a ``pyproject.toml`` enabling the plugin, and
modules) into its own folder and runs mypy in process on it. Module names
are unique per test, so that all tests can share one mypy cache (the
standard library is checked once per session) without one test's cached
module standing in for another's.
"""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest
from mypy import api

import budgetlint

PACKAGE_ROOT = Path(budgetlint.__file__).resolve().parent.parent
"""Put on mypy's path: mypy cannot follow an editable install."""

ERROR = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+)(?::(?P<col>\d+))?: (?P<severity>\w+): "
                   r"(?P<text>.*?)(?:  \[(?P<code>[a-z-]+)\])?$")

Reported = set[tuple[str, int, int, str]]
"""``(file, line, column, code)`` of each error mypy printed (column 1-based,
0 for an error about a whole line)."""


def mypy_config(**budgetlint_table: str) -> str:
    """A ``pyproject.toml`` enabling the plugin; keyword arguments are raw
    TOML values of ``[tool.budgetlint]`` keys (underscores for dashes)."""
    lines = [
        "[tool.mypy]",
        'plugins = ["budgetlint.mypy_plugin"]',
        f'mypy_path = "{PACKAGE_ROOT.as_posix()}"',
        "show_column_numbers = true",
        "warn_unused_ignores = true",
        "",
        "[tool.budgetlint]",
    ]
    lines += [f"{key.replace('_', '-')} = {value}" for key, value in budgetlint_table.items()]
    return "\n".join(lines) + "\n"


def write(folder: Path, files: Mapping[str, str]) -> None:
    """Write ``files`` (dedented) under ``folder``."""
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")


def parse(stdout: str) -> Reported:
    """The errors of a mypy run."""
    found: Reported = set()
    for line in stdout.splitlines():
        match = ERROR.match(line)
        if match is not None and match.group("severity") == "error":
            found.add((match.group("path"), int(match.group("line")),
                       int(match.group("col") or 0), match.group("code") or ""))
    return found


Run = Callable[..., Reported]


@pytest.fixture(scope="session")
def mypy_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache for the session's runs (see the module docstring)."""
    return tmp_path_factory.mktemp("mypy_cache")


@pytest.fixture
def run_mypy(tmp_path: Path, mypy_cache: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    """``run_mypy("a.py", "b.py", *flags)``: mypy with the project's
    configuration, from the project's folder; the errors it printed."""
    monkeypatch.chdir(tmp_path)

    def run(*args: str) -> Reported:
        stdout, stderr, status = api.run(
            ["--config-file", "pyproject.toml", "--cache-dir", str(mypy_cache), *args]
        )
        assert status in (0, 1), f"mypy failed ({status}):\n{stdout}\n{stderr}"
        return parse(stdout)

    return run


@pytest.fixture
def run_mypy_process(tmp_path: Path, mypy_cache: Path) -> Run:
    """As :func:`run_mypy`, in a new process each time (as a user runs it):
    for what a long-lived process would not see, such as edited models."""

    def run(*args: str) -> Reported:
        done = subprocess.run(
            [sys.executable, "-m", "mypy", "--config-file", "pyproject.toml",
             "--cache-dir", str(mypy_cache), *args],
            cwd=tmp_path, capture_output=True, text=True, check=False,
        )
        assert done.returncode in (0, 1), f"mypy failed:\n{done.stdout}\n{done.stderr}"
        return parse(done.stdout)

    return run
