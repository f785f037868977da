"""``budgetlint`` on the command line, and the pipeline behind ``check``.

Most tests here need no flow analysis: a binary file is a BUD900 that the
pipeline itself reports, so exit statuses, formats and filtering are
exercised on it. The tests at the end run the real analysis end to end.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from budgetlint import __version__
from budgetlint.checking import source as checking_source
from budgetlint.checking.files import decode_source, discover
from budgetlint.checking.run import check_paths
from budgetlint.checking.selection import is_reported, suppress
from budgetlint.cli import main
from budgetlint.config import Settings
from budgetlint.config_loader import Overrides
from budgetlint.diagnostics import Diagnostic
from budgetlint.rules.catalog import RULES
from budgetlint.rules.docs import DEFAULT_FOLDER

BINARY = b"\x00\x01budget"
BINARY_MESSAGE = "file could not be analysed: binary file (contains NUL bytes)"


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(textwrap.dedent(content), encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty project folder with a [tool.budgetlint] table, as the cwd."""
    write(tmp_path / "pyproject.toml", "[tool.budgetlint]\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --- commands -------------------------------------------------------------------


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as version:
        main(["--version"])
    assert version.value.code == 0
    assert capsys.readouterr().out == f"budgetlint {__version__}\n"
    with pytest.raises(SystemExit) as shown:
        main(["check", "--help"])
    assert shown.value.code == 0
    assert "--statistics" in capsys.readouterr().out


def test_no_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys)
    assert (status, out) == (2, "")
    assert "check" in err


def test_rules_lists_the_catalog(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "rules")
    lines = out.splitlines()
    assert status == 0
    assert lines[0].split() == ["code", "name", "mypy", "code", "default", "summary"]
    assert len(lines) == 1 + len(RULES)
    for line, rule in zip(lines[1:], RULES.values(), strict=True):
        code, name, mypy_code, default = line.split()[:4]
        assert (code, name, mypy_code) == (rule.code, rule.name, rule.mypy_code or "-")
        assert default == ("on" if rule.default_enabled else "off")
        assert line.endswith(rule.summary)


@pytest.mark.parametrize("name", ["BUD001", "bud001", "use-after-move"])
def test_explain_prints_the_rule_page(capsys: pytest.CaptureFixture[str], name: str) -> None:
    status, out, _ = run(capsys, "explain", name)
    assert status == 0
    assert out == (DEFAULT_FOLDER / "BUD001.md").read_text(encoding="utf-8")


def test_explain_unknown_rule(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "explain", "BUD999") == (
        2,
        "",
        "budgetlint: error: unknown rule 'BUD999' (see `budgetlint rules`)\n",
    )


# --- check: status, streams, formats ----------------------------------------------


def test_findings_exit_1_with_text_on_stdout_and_summary_on_stderr(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(project / "blob.py", BINARY)
    status, out, err = run(capsys, "check", "blob.py")
    assert status == 1
    assert out == f"blob.py:1:1: BUD900 {BINARY_MESSAGE}\n"
    assert err == "Found 1 error.\n"


def test_clean_exits_0(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(project / "plain.py", "print('no budgets here')\n")
    assert run(capsys, "check") == (0, "", "All checks passed.\n")


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "missing.py"],
        ["check", "--select", "BUD999", "."],
        ["check", "--ignore", "BUD1", "."],
        ["check", "--config", "nope.toml", "."],
        ["check", "--output-file", "no/such/folder/out.txt", "."],
    ],
)
def test_usage_errors_exit_2_with_one_line(
    project: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    status, out, err = run(capsys, *argv)
    assert (status, out) == (2, "")
    assert err.startswith("budgetlint: error: ")
    assert err.count("\n") == 1


def test_bad_configuration_exits_2(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(project / "pyproject.toml", '[tool.budgetlint]\nselect = ["BUD42"]\n')
    write(project / "a.py", "")
    assert run(capsys, "check", "a.py") == (
        2,
        "",
        f"budgetlint: error: {project / 'pyproject.toml'}: select: unknown rule code or prefix"
        " 'BUD42'\n",
    )


def test_broken_model_exits_2(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(project / "models" / "broken.pyi", "def (:\n")
    write(project / "pyproject.toml", '[tool.budgetlint]\nmodel-paths = ["models"]\n')
    write(project / "a.py", "")
    status, out, err = run(capsys, "check", "a.py")
    assert (status, out) == (2, "")
    assert err.startswith(f"budgetlint: error: {project / 'models' / 'broken.pyi'}:")
    assert err.count("\n") == 1


def test_json_format_and_output_file(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(project / "blob.py", BINARY)
    status, out, _ = run(capsys, "check", "--format", "json", "--output-file", "out.json")
    assert (status, out) == (1, "")
    assert json.loads((project / "out.json").read_text(encoding="utf-8")) == [
        {
            "path": "blob.py",
            "line": 1,
            "column": 1,
            "code": "BUD900",
            "name": "analysis-error",
            "message": "file could not be analysed: binary file (contains NUL bytes)",
        }
    ]


def test_statistics_go_to_stderr(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(project / "a.py", BINARY)
    write(project / "b.py", BINARY)
    status, out, err = run(capsys, "check", "--statistics", "--format", "github")
    assert status == 1
    assert out.count("::error ") == 2
    assert err == "2  BUD900  analysis-error\nFound 2 errors.\n"


def test_ignore_on_the_command_line(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(project / "blob.py", BINARY)
    assert run(capsys, "check", "--ignore", "BUD9")[0] == 0


def test_per_file_ignores_and_exclude_from_the_configuration(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(
        project / "pyproject.toml",
        """\
        [tool.budgetlint]
        per-file-ignores = { "legacy/*" = ["BUD900"] }
        exclude = ["generated", "*_pb2.py"]
        """,
    )
    for name in ("legacy/old.py", "generated/x.py", "api_pb2.py", "src/new.py"):
        write(project / name, BINARY)
    status, out, _ = run(capsys, "check")
    assert status == 1
    assert [line.split(":")[0] for line in out.splitlines()] == ["src/new.py"]
    # Named explicitly, a file in an excluded folder is still excluded (pre-commit names files).
    assert run(capsys, "check", "generated/x.py", "api_pb2.py")[0] == 0


def test_explicit_config_applies_to_every_file(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(project / "sub" / "pyproject.toml", '[tool.budgetlint]\nignore = ["BUD900"]\n')
    write(project / "sub" / "blob.py", BINARY)
    assert run(capsys, "check", "sub")[0] == 0
    write(project / "strict.toml", "[tool.budgetlint]\n")
    assert run(capsys, "check", "--config", "strict.toml", "sub")[0] == 1


# --- discovery ------------------------------------------------------------------


def test_discovery(project: Path) -> None:
    for name in (
        "b.py",
        "a.py",
        "stub.pyi",
        "notes.txt",
        "pkg/c.py",
        ".git/hook.py",
        "venv/lib.py",
        ".venv/lib.py",
        "build/x.py",
        "dist/x.py",
        "__pycache__/x.py",
        ".tox/x.py",
        ".mypy_cache/x.py",
    ):
        write(project / name, "")
    found = [source.path for source in discover(["."])]
    assert found == ["a.py", "b.py", "pkg/c.py"]
    # Named explicitly: a .pyi, any suffix, a skipped folder; each file once.
    found = [source.path for source in discover(["stub.pyi", "notes.txt", "build", "a.py", "."])]
    assert found == ["stub.pyi", "notes.txt", "build/x.py", "a.py", "b.py", "pkg/c.py"]


def test_each_file_gets_its_nearest_settings(project: Path) -> None:
    write(project / "sub" / "pyproject.toml", '[tool.budgetlint]\nignore = ["BUD002"]\n')
    write(project / "a.py", "")
    write(project / "sub" / "b.py", "")
    settings = {source.path: source.settings for source in discover(["."])}
    assert settings["a.py"].ignore == ()
    assert settings["sub/b.py"].ignore == ("BUD002",)
    overridden = {
        source.path: source.settings
        for source in discover(["."], Overrides(select=("BUD001",), ignore=("BUD003",)))
    }
    assert overridden["sub/b.py"].select == ("BUD001",)
    assert overridden["sub/b.py"].ignore == ("BUD002", "BUD003")


def test_output_is_sorted_by_path_line_column_code(project: Path) -> None:
    write(project / "b.py", BINARY)
    write(project / "a.py", b"x = 1\n\xff\n")
    found = check_paths(["b.py", "a.py"])
    assert [(d.path, d.line) for d in found] == [("a.py", 2), ("b.py", 1)]


def test_one_crashing_file_does_not_stop_the_run(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def crash(
        text: str, path: str, module: str, settings: Settings, index: object, tree: object
    ) -> list[Diagnostic]:
        if path == "a.py":
            raise ValueError("boom")
        return []

    monkeypatch.setattr(checking_source, "analyze_source", crash)
    write(project / "a.py", "x = 1\n")
    write(project / "b.py", BINARY)
    assert check_paths(["."]) == [
        Diagnostic(
            "a.py", 1, 0, "BUD900", "file could not be analysed: internal error: ValueError: boom"
        ),
        Diagnostic("b.py", 1, 0, "BUD900", BINARY_MESSAGE),
    ]


# --- decoding -------------------------------------------------------------------


def test_decoding_follows_python() -> None:
    latin = "# -*- coding: latin-1 -*-\nname = 'café'\n".encode("latin-1")
    assert decode_source(latin, "a.py") == "# -*- coding: latin-1 -*-\nname = 'café'\n"
    assert decode_source(b"\xef\xbb\xbfx = 1\r\ny = 2\rz = 3\n", "a.py") == "x = 1\ny = 2\nz = 3\n"


@pytest.mark.parametrize(
    ("data", "line", "reason"),
    [
        (b"x = 1\n\x00\n", 1, "binary file (contains NUL bytes)"),
        (b"x = 1\ny = '\xff'\n", 2, "cannot decode as utf-8: byte 0xff on line 2"),
        (b"# coding: klingon\n", 1, "cannot decode: unknown encoding: klingon"),
    ],
)
def test_undecodable_source_is_one_bud900(data: bytes, line: int, reason: str) -> None:
    assert decode_source(data, "a.py") == Diagnostic(
        "a.py", line, 0, "BUD900", f"file could not be analysed: {reason}"
    )


# --- selection and suppression --------------------------------------------------


@pytest.mark.parametrize(
    ("settings", "reported"),
    [
        (Settings(), {"BUD001", "BUD002", "BUD900"}),
        (Settings(select=("BUD001",)), {"BUD001", "BUD900"}),
        (Settings(ignore=("BUD00",)), {"BUD900"}),
        (Settings(select=("BUD001",), ignore=("BUD",)), {"BUD001"}),
        (Settings(select=("BUD",), ignore=("BUD001",)), {"BUD002", "BUD008", "BUD900"}),
        (Settings(select=("BUD0",), ignore=("BUD0",)), {"BUD900"}),
        (Settings(mint_authority=("app.main",)), {"BUD001", "BUD002", "BUD008", "BUD900"}),
        (
            Settings(per_file_ignores=(("src/*", ("BUD00",)),), select=("BUD001",)),
            {"BUD900"},
        ),
        (Settings(per_file_ignores=(("other/*", ("BUD",)),)), {"BUD001", "BUD002", "BUD900"}),
        (Settings(per_file_ignores=(("mod.py", ("BUD001",)),)), {"BUD002", "BUD900"}),
    ],
)
def test_selection(settings: Settings, reported: set[str]) -> None:
    codes = ("BUD001", "BUD002", "BUD008", "BUD900")
    assert {c for c in codes if is_reported(c, "src/mod.py", settings)} == reported


SUPPRESSED = '''\
b.spend()  # noqa
b.spend()  # noqa: BUD001
b.spend()  # NOQA:BUD00,E501
b.spend()  # noqa: BUD002
b.spend()  # budgetlint: ignore
b.spend()  # budgetlint: ignore[BUD002, BUD001]
b.spend()  # budgetlint: ignore[BUD002]
text = """
# noqa
"""
'''


def test_suppression_comments() -> None:
    found = [Diagnostic("a.py", line, 0, "BUD001", "m") for line in range(1, 10)]
    kept = suppress(found, SUPPRESSED)
    assert [d.line for d in kept] == [4, 7]
    # flake8 applies noqa comments itself: only budgetlint's own are read then.
    kept = suppress(found, SUPPRESSED, noqa=False)
    assert [d.line for d in kept] == [1, 2, 3, 4, 7, 8, 9]


def test_a_multiline_string_shares_its_comment_as_in_flake8() -> None:
    # Line 8 is inside the string that ends on line 10, which holds the noqa.
    text = SUPPRESSED.replace('"""\n# noqa\n"""', '"""\nx\n"""  # noqa')
    found = [Diagnostic("a.py", 9, 0, "BUD001", "m")]
    assert suppress(found, text) == []


# --- end to end, with the flow analysis --------------------------------------------

MOVED = """\
from budgetlint import Budget


def run_sub_agent(budget: Budget) -> None: ...


def orchestrate() -> None:
    b = Budget(usd=5)
    run_sub_agent(b)
    b.spend(usd=0.01)
"""


def test_check_reports_a_use_after_move(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(project / "agent.py", MOVED)
    status, out, _ = run(capsys, "check", "agent.py")
    assert status == 1
    assert out.startswith("agent.py:10:5: BUD001 ")
    assert out.count("\n") == 1


@pytest.mark.parametrize(
    "comment", ["# noqa", "# noqa: BUD001", "# budgetlint: ignore", "# budgetlint: ignore[BUD001]"]
)
def test_check_honours_suppression_comments(
    project: Path, capsys: pytest.CaptureFixture[str], comment: str
) -> None:
    write(project / "agent.py", MOVED.replace("b.spend(usd=0.01)", f"b.spend(usd=0.01)  {comment}"))
    assert run(capsys, "check", "agent.py") == (0, "", "All checks passed.\n")
