"""The flake8 plugin reports exactly what ``budgetlint check`` reports."""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
from importlib.metadata import entry_points
from pathlib import Path

import pytest

from budgetlint import __version__
from budgetlint.checking.run import check_paths
from budgetlint.diagnostics import Diagnostic
from budgetlint.flake8_plugin import Flake8Checker

MOVED = """\
from budgetlint import Budget


def run_sub_agent(budget: Budget) -> None: ...


def orchestrate() -> None:
    b = Budget(usd=5)
    run_sub_agent(b)
    b.spend(usd=0.01){comment}
"""

CONFIG = """\
[tool.budgetlint]
per-file-ignores = { "legacy/*" = ["BUD001"] }
exclude = ["generated"]
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def run_plugin(path: Path) -> list[tuple[int, int, str, type[Flake8Checker]]]:
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    return list(Flake8Checker(ast.parse(text), str(path), lines).run())


def flake8(folder: Path, *options: str) -> list[Diagnostic]:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "flake8",
            "--isolated",
            "--select",
            "BUD",
            *options,
            "--format=%(path)s\t%(row)d\t%(col)d\t%(code)s\t%(text)s",
            ".",
        ],
        capture_output=True,
        text=True,
        cwd=folder,
        check=False,
    )
    assert done.returncode in (0, 1) and not done.stderr, done.stderr
    found = []
    for line in done.stdout.splitlines():
        path, row, col, code, message = line.split("\t")
        found.append(Diagnostic(path.removeprefix("./"), int(row), int(col) - 1, code, message))
    return sorted(found)


def test_registered_as_the_bud_entry_point() -> None:
    (plugin,) = [ep for ep in entry_points(group="flake8.extension") if ep.name == "BUD"]
    assert plugin.load() is Flake8Checker
    assert (Flake8Checker.name, Flake8Checker.version) == ("budgetlint", __version__)


def test_configuration_error_shows_on_the_first_line(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.budgetlint]\nselekt = []\n")
    file = write(tmp_path / "a.py", "x = 1\n")
    config = tmp_path / "pyproject.toml"
    assert run_plugin(file) == [
        (
            1,
            0,
            f"BUD900 file could not be analysed: configuration error: {config}:"
            " unknown key 'selekt' in [tool.budgetlint] (did you mean 'select'?)",
            Flake8Checker,
        )
    ]


def test_checking_loads_no_other_analyzer(tmp_path: Path) -> None:
    # The one walker runs on flake8's own ast tree: neither libcst, astroid
    # nor mypy is loaded, whether the file uses budgets or not.
    plain = write(tmp_path / "plain.py", "import os\n\nprint(os.sep)\n")
    moved = write(tmp_path / "agent.py", MOVED.format(comment=""))
    script = textwrap.dedent(
        f"""
        import ast, sys
        from budgetlint.flake8_plugin import Flake8Checker
        for name in ({str(plain)!r}, {str(moved)!r}):
            text = open(name).read()
            found = list(Flake8Checker(ast.parse(text), name, text.splitlines(True)).run())
            print(len(found), sorted({{"libcst", "astroid", "mypy"}} & set(sys.modules)))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout == "0 []\n1 []\n"


def test_plugin_yields_flake8_tuples(tmp_path: Path) -> None:
    file = write(tmp_path / "agent.py", MOVED.format(comment=""))
    ((line, col, text, kind),) = run_plugin(file)
    assert (line, col, kind) == (10, 4, Flake8Checker)
    assert text.startswith("BUD001 ")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    write(tmp_path / "pyproject.toml", CONFIG)
    write(tmp_path / "moved.py", MOVED.format(comment=""))
    write(tmp_path / "ignored.py", MOVED.format(comment="  # budgetlint: ignore[BUD001]"))
    write(tmp_path / "noqa.py", MOVED.format(comment="  # noqa: BUD001"))
    write(tmp_path / "legacy" / "old.py", MOVED.format(comment=""))
    write(tmp_path / "generated" / "gen.py", MOVED.format(comment=""))
    return tmp_path


def test_flake8_and_the_cli_agree(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project)
    cli = check_paths(["."])
    assert [(d.path, d.line, d.code) for d in cli] == [("moved.py", 10, "BUD001")]
    assert flake8(project) == cli


def test_flake8_owns_noqa(project: Path) -> None:
    found = flake8(project, "--disable-noqa")
    assert [(d.path, d.code) for d in found] == [("moved.py", "BUD001"), ("noqa.py", "BUD001")]
