"""Incremental mypy and ``dmypy`` report exactly what a cold run does, after every edit.

A ten-module agent application (an ``agents/`` package with a module per
agent, a ``tools/`` registry re-exported by its ``__init__``, a shared
``budget.py`` that mints and splits) is edited step by step: a comment, a
dependency's signature, a dependent, a removed module, a new one. After
each step the errors of a cold run (an empty cache) are compared with those
of incremental mypy (the cache of the previous step) and of one ``dmypy``
daemon that lives through all the steps.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import Reported, mypy_config, parse, write
from mypy import api

APP = {
    "app/__init__.py": "",
    "app/budget.py": '''
        from budgetlint import Borrowed, Budget


        def mint(usd: float) -> Budget:
            return Budget(usd=usd)


        def split_for(parent: Borrowed[Budget], usd: float) -> Budget:
            return parent.split(usd=usd)
    ''',
    "app/tools/__init__.py": '''
        from app.tools.registry import call_tool

        __all__ = ["call_tool"]
    ''',
    "app/tools/registry.py": '''
        from budgetlint import Borrowed, Budget


        def call_tool(name: str, budget: Borrowed[Budget]) -> str:
            budget.spend(usd=0.01)
            return name
    ''',
    "app/helpers.py": '''
        from budgetlint import Budget


        def run(budget: Budget) -> None:
            budget.spend(usd=0.1)
    ''',
    "app/agents/__init__.py": "",
    "app/agents/base.py": '''
        from budgetlint import Budget


        class Agent:
            def __init__(self, budget: Budget) -> None:
                self.budget = budget
    ''',
    "app/agents/planner.py": '''
        from app.budget import mint
        from app.helpers import run


        def plan() -> None:
            b = mint(1.0)
            run(b)
            b.spend(usd=0.1)
    ''',
    "app/agents/coder.py": '''
        from app.agents.base import Agent
        from app.budget import mint


        def code() -> None:
            b = mint(2.0)
            agent = Agent(b)
            b.spend(usd=0.1)
            agent.budget.close()
    ''',
    "app/agents/reviewer.py": '''
        from app.budget import mint, split_for
        from app.tools import call_tool


        def review() -> None:
            b = mint(1.0)
            child = split_for(b, 0.5)
            call_tool("lint", child)
            child.close()
            b.close()
    ''',
    "app/agents/runner.py": '''
        from app import helpers
        from app.budget import mint


        def go() -> None:
            b = mint(1.0)
            helpers.run(b)
            helpers.run(b)
    ''',
    "app/main.py": '''
        from app.agents import coder, planner, reviewer, runner


        def main() -> None:
            planner.plan()
            coder.code()
            reviewer.review()
            runner.go()
    ''',
}


def _comment(root: Path) -> None:
    with (root / "app/helpers.py").open("a", encoding="utf-8") as file:
        file.write("# the helpers only read their budget now\n")


def _signature(root: Path) -> None:
    write(root, {"app/helpers.py": '''
        from budgetlint import Borrowed, Budget


        def run(budget: Borrowed[Budget]) -> None:
            budget.spend(usd=0.1)
    '''})


def _dependent(root: Path) -> None:
    path = root / "app/agents/reviewer.py"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "    b.close()\n", "    b.close()\n    child.spend(usd=0.1)\n"), encoding="utf-8")


def _removed(root: Path) -> None:
    (root / "app/agents/coder.py").unlink()
    path = root / "app/main.py"
    path.write_text(path.read_text(encoding="utf-8").replace("coder, ", "").replace(
        "    coder.code()\n", ""), encoding="utf-8")


def _added(root: Path) -> None:
    write(root, {"app/agents/critic.py": '''
        from app.agents.base import Agent
        from app.budget import mint
        from app.tools import call_tool


        def critique() -> None:
            b = mint(1.0)
            call_tool("read", b)
            critic = Agent(b)
            b.spend(usd=0.1)
            critic.budget.close()
    '''})


COLD = {"app/agents/coder.py": 8, "app/agents/planner.py": 8, "app/agents/runner.py": 8}
STEPS: list[tuple[str, Callable[[Path], None], dict[str, int]]] = [
    ("a comment-only edit", _comment, COLD),
    # run() borrows now: its two callers' uses are fine.
    ("a dependency's signature", _signature, {"app/agents/coder.py": 8}),
    ("a dependent", _dependent, {"app/agents/coder.py": 8, "app/agents/reviewer.py": 11}),
    ("a removed module", _removed, {"app/agents/reviewer.py": 11}),
    ("a new module", _added, {"app/agents/critic.py": 10, "app/agents/reviewer.py": 11}),
]
"""Each edit, and the ``budget-moved`` lines (by file) of a cold run after it."""


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Path]:
    root = tmp_path / "project"
    write(root, {"pyproject.toml": mypy_config(), **APP})
    yield root
    subprocess.run([*_dmypy(tmp_path), "stop"], cwd=root, capture_output=True, check=False)


def _dmypy(tmp_path: Path) -> list[str]:
    return [sys.executable, "-m", "mypy.dmypy", "--status-file", str(tmp_path / "status.json")]


def _mypy(root: Path, cache: Path) -> Reported:
    stdout, stderr, status = api.run(["--config-file", str(root / "pyproject.toml"),
                                      "--cache-dir", str(cache), "-p", "app"])
    assert status in (0, 1), f"mypy failed ({status}):\n{stdout}\n{stderr}"
    return parse(stdout)


def _moved(found: Reported) -> dict[str, int]:
    assert {code for *_, code in found} <= {"budget-moved"}, found
    return {path: line for path, line, _, _ in found}


def _daemon(root: Path, tmp_path: Path) -> Reported:
    done = subprocess.run(
        [*_dmypy(tmp_path), "run", "--timeout", "300", "--", "--config-file", "pyproject.toml",
         "-p", "app"],
        cwd=root, capture_output=True, text=True, check=False)
    assert done.returncode in (0, 1), f"dmypy failed:\n{done.stdout}\n{done.stderr}"
    return parse(done.stdout)


def test_every_edit_gives_the_cold_findings(project: Path, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project)
    incremental = tmp_path / "incremental-cache"
    cold = _mypy(project, tmp_path / "cold-0")
    assert _moved(cold) == COLD
    assert _mypy(project, incremental) == cold
    assert _daemon(project, tmp_path) == cold
    for number, (step, edit, expected) in enumerate(STEPS, start=1):
        edit(project)
        cold = _mypy(project, tmp_path / f"cold-{number}")
        shutil.rmtree(tmp_path / f"cold-{number}")
        assert _moved(cold) == expected, f"a cold run after {step}"
        assert _mypy(project, incremental) == cold, f"incremental mypy after {step}"
        assert _daemon(project, tmp_path) == cold, f"dmypy after {step}"
