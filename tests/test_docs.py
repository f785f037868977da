"""The generated rule docs are current, and the recipes in ``docs/recipes.md`` work."""

from __future__ import annotations

import importlib.util
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml  # type: ignore[import-untyped]
from pre_commit import clientlib  # type: ignore[import-untyped]

from budgetlint.cli import build_parser
from budgetlint.config_loader import KEYS, load_config
from budgetlint.rules.catalog import Rule, iter_rules
from budgetlint.rules.docs import DEFAULT_FOLDER, OPTION_HELP, generated_docs, rule_markdown

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

REPO = Path(__file__).resolve().parent.parent
RECIPES = REPO / "docs" / "recipes.md"

SECTIONS = (
    "## What it does",
    "## Why is this bad?",
    "## Known problems",
    "## Options",
    "## mypy error code",
    "## Default state",
)


def test_generated_docs_are_current() -> None:
    """Run ``python -m budgetlint.rules.docs`` when this fails."""
    expected = generated_docs()
    on_disk = {path.name: path.read_text(encoding="utf-8") for path in DEFAULT_FOLDER.glob("*.md")}
    assert sorted(on_disk) == sorted(expected), "docs/rules has missing or extra pages"
    stale = [name for name, text in expected.items() if on_disk[name] != text]
    assert stale == [], "stale: run `python -m budgetlint.rules.docs`"


@pytest.mark.parametrize("rule", list(iter_rules()), ids=lambda rule: rule.code)
def test_every_page_has_every_section(rule: Rule) -> None:
    page = rule_markdown(rule)
    assert page.startswith(f"# {rule.code}: {rule.name}\n")
    positions = [page.index(f"\n{heading}\n") for heading in SECTIONS]
    assert positions == sorted(positions)
    if rule.example:
        example = page[page.index("## Example\n"):page.index("\n## Options\n")]
        assert f"```python\n{rule.example}```" in example
        assert rule.example_config in example
    if rule.use_instead:
        assert f"## Use instead\n\n```python\n{rule.use_instead}```" in page
    if rule.mypy_code:
        assert f"`{rule.mypy_code}`" in page


def test_every_rule_option_is_a_documented_key() -> None:
    options = {key for rule in iter_rules() for key in rule.options}
    assert options <= set(KEYS)
    assert options == set(OPTION_HELP)


# --- recipes ------------------------------------------------------------------------


def _block(language: str, marker: str) -> str:
    """The fenced ``language`` block of the recipes that contains ``marker``."""
    text = RECIPES.read_text(encoding="utf-8")
    blocks: list[str] = re.findall(rf"```{language}\n(.*?)```", text, re.S)
    found = [block for block in blocks if marker in block]
    assert len(found) == 1, f"one {language} block with {marker!r} in docs/recipes.md"
    return found[0]


def test_documented_configuration_is_valid_and_complete(tmp_path: Path) -> None:
    text = _block("toml", "[tool.budgetlint]")
    assert set(tomllib.loads(text)["tool"]["budgetlint"]) == set(KEYS)
    (tmp_path / "typings" / "budgetlint").mkdir(parents=True)
    (tmp_path / "pyproject.toml").write_text(text, encoding="utf-8")
    assert load_config(tmp_path / "pyproject.toml").mint_authority == ("acme.main",)


def test_documented_precommit_config_uses_the_published_hook(tmp_path: Path) -> None:
    config = tmp_path / ".pre-commit-config.yaml"
    config.write_text(_block("yaml", "repos:"), encoding="utf-8")
    repos = clientlib.load_config(str(config))["repos"]
    hook_ids = {
        hook["id"] for hook in clientlib.load_manifest(str(REPO / ".pre-commit-hooks.yaml"))
    }
    assert [hook["id"] for hook in repos[0]["hooks"]] == ["budgetlint"]
    assert hook_ids == {"budgetlint"}


def test_documented_workflow_uploads_what_the_cli_writes() -> None:
    workflow = yaml.safe_load(_block("yaml", "jobs:"))
    steps = workflow["jobs"]["budgetlint"]["steps"]
    runs = [step["run"] for step in steps if "budgetlint check" in step.get("run", "")]
    assert len(runs) == 1
    argv = shlex.split(runs[0])
    assert argv[0] == "budgetlint"
    args = build_parser().parse_args(argv[1:])
    assert (args.command, args.format) == ("check", "sarif")
    upload = next(step for step in steps if "upload-sarif" in step.get("uses", ""))
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    assert upload["with"]["sarif_file"] == args.output_file
    # The check step fails the job on findings; the upload must still run.
    assert upload["if"] == "always()"
    assert workflow["jobs"]["budgetlint"]["permissions"]["security-events"] == "write"
    mypy_runs = [step.get("run", "") for step in workflow["jobs"]["mypy"]["steps"]]
    assert any(run.split()[:1] == ["mypy"] for run in mypy_runs)


def test_documented_mypy_plugin_exists() -> None:
    plugins = tomllib.loads(_block("toml", "[tool.mypy]"))["tool"]["mypy"]["plugins"]
    assert plugins == ["budgetlint.mypy_plugin"]
    assert importlib.util.find_spec(plugins[0]) is not None


def test_documented_flake8_config_reports_bud_next_to_other_codes(tmp_path: Path) -> None:
    (tmp_path / ".flake8").write_text(_block("ini", "[flake8]"), encoding="utf-8")
    example = next(rule for rule in iter_rules() if rule.code == "BUD001").example
    (tmp_path / "agent.py").write_text("import os\n" + example, encoding="utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "flake8",
            "--config",
            ".flake8",
            "--format=%(row)d %(code)s",
            "agent.py",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    # The example's BUD001 is on its line 10, one lower after the import.
    assert {"1 F401", "11 BUD001"} <= set(done.stdout.splitlines())
