"""The plugin under ``dmypy``: fine-grained rechecks of a dependency's users."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import Reported, mypy_config, parse, write

DEPENDENCY = """
    from budgetlint import Borrowed, Budget


    def run(budget: {annotation}) -> None: ...
"""
USER = """
    import functools

    from budgetlint import Budget
    from dm_dep import run


    def charge(b: Budget, cents: int) -> None: ...


    def orchestrate() -> None:
        b = Budget(usd=5)
        run(b)
        b.spend(usd=0.01)
        later = functools.partial(charge, b, "ten")
"""
PARTIAL = ("dm_user.py", 14, 42, "arg-type")
MOVED = ("dm_user.py", 13, 5, "budget-moved")


@pytest.fixture
def dmypy(tmp_path: Path) -> Iterator[list[str]]:
    """The command prefix of a daemon private to this test, stopped after it."""
    command = [sys.executable, "-m", "mypy.dmypy", "--status-file", str(tmp_path / "status.json")]
    yield command
    subprocess.run([*command, "stop"], cwd=tmp_path, capture_output=True, check=False)


def _check(tmp_path: Path, dmypy: list[str]) -> Reported:
    done = subprocess.run(
        [*dmypy, "run", "--timeout", "120", "--", "--config-file", "pyproject.toml",
         "dm_user.py", "dm_dep.py"],
        cwd=tmp_path, capture_output=True, text=True, check=False,
    )
    assert done.returncode in (0, 1), f"dmypy failed:\n{done.stdout}\n{done.stderr}"
    return parse(done.stdout)


def test_a_recheck_after_a_dependency_edit_reports_and_clears(tmp_path: Path,
                                                               dmypy: list[str]) -> None:
    # Editing dm_dep only rechecks orchestrate() (mypy does not re-run the
    # per-module hook there): the fallback analyses the target, and mypy's
    # default plugin still checks functools.partial in it.
    write(tmp_path, {"pyproject.toml": mypy_config(), "dm_user.py": USER,
                     "dm_dep.py": DEPENDENCY.format(annotation="Borrowed[Budget]")})
    assert _check(tmp_path, dmypy) == {PARTIAL}
    write(tmp_path, {"dm_dep.py": DEPENDENCY.format(annotation="Budget")})
    assert _check(tmp_path, dmypy) == {PARTIAL, MOVED}
    write(tmp_path, {"dm_dep.py": DEPENDENCY.format(annotation="Borrowed[Budget]")})
    assert _check(tmp_path, dmypy) == {PARTIAL}
