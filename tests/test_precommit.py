"""The pre-commit hook, run by the real pre-commit.

pre-commit installs budgetlint from a git repository into an environment of
its own (from PyPI, like a user's machine). The repository is a snapshot of
this working tree (tracked and untracked, not ignored, files), committed in a
temporary folder, so the test checks the hook as it is now, committed or not.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from budgetlint.rules.catalog import rule

REPO = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(
    shutil.which("git") is None or importlib.util.find_spec("pre_commit") is None,
    reason="needs git and pre-commit",
)


def git(*args: str, cwd: Path) -> str:
    done = subprocess.run(
        [
            "git",
            "-c",
            "user.name=budgetlint tests",
            "-c",
            "user.email=tests@budgetlint.invalid",
            "-c",
            "commit.gpgsign=false",
            *args,
        ],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
        env=_clean_env(),
    )
    return done.stdout


def _clean_env() -> dict[str, str]:
    # A surrounding git hook's GIT_DIR / GIT_INDEX_FILE would redirect every call.
    return {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}


def snapshot(destination: Path) -> Path:
    """This working tree, committed as a new repository at ``destination``."""
    listed = git("ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=REPO)
    for name in filter(None, listed.split("\0")):
        source = REPO / name
        if source.is_file():  # tracked files deleted in the work tree are listed too
            target = destination / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    git("init", "-q", cwd=destination)
    git("add", "-A", cwd=destination)
    git("commit", "-q", "-m", "snapshot", cwd=destination)
    return destination


def test_hook_fails_the_bad_file_and_passes_the_good_one(tmp_path: Path) -> None:
    source = snapshot(tmp_path / "budgetlint")
    project = tmp_path / "project"
    project.mkdir()
    git("init", "-q", cwd=project)
    (project / "bad.py").write_text(rule("BUD001").example, encoding="utf-8")
    (project / "good.py").write_text(rule("BUD001").use_instead, encoding="utf-8")

    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pre_commit",
            "try-repo",
            str(source),
            "budgetlint",
            "--files",
            "bad.py",
            "good.py",
            "--verbose",
            "--color",
            "never",
        ],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
        env=_clean_env(),
    )
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert "budgetlint" in output and "Failed" in output, output
    assert "bad.py:10:5: BUD001 " in output, output
    assert "good.py:" not in output, output
