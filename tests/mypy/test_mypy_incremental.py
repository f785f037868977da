"""The plugin under mypy's incremental mode: cached errors, edits, invalidation."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import PACKAGE_ROOT, Run, mypy_config, write
from mypy.checker import TypeChecker
from mypy.nodes import MypyFile

import budgetlint.mypy_plugin

DEPENDENCY = """
    from budgetlint import Borrowed, Budget


    def run(budget: {annotation}) -> None: ...
"""
USER = """
    from budgetlint import Budget
    from inc_dep import run


    def orchestrate() -> None:
        b = Budget(usd=5)
        run(b)
        b.spend(usd=0.01)
"""
MOVED = {("inc_user.py", 8, 5, "budget-moved")}


def test_editing_a_dependency_rechecks_its_users(tmp_path: Path, run_mypy: Run) -> None:
    write(tmp_path, {"pyproject.toml": mypy_config(), "inc_user.py": USER,
                     "inc_dep.py": DEPENDENCY.format(annotation="Budget")})
    assert run_mypy("inc_user.py", "inc_dep.py") == MOVED
    assert run_mypy("inc_user.py", "inc_dep.py") == MOVED  # replayed from the cache
    write(tmp_path, {"inc_dep.py": DEPENDENCY.format(annotation="Borrowed[Budget]")})
    assert run_mypy("inc_user.py", "inc_dep.py") == set()
    write(tmp_path, {"inc_dep.py": DEPENDENCY.format(annotation="Budget")})
    assert run_mypy("inc_user.py", "inc_dep.py") == MOVED


def test_decorators_of_a_cached_module_are_remembered(tmp_path: Path, run_mypy: Run) -> None:
    # Once facts_dep comes from mypy's cache its decorators are gone: the
    # plugin must have recorded @affine and @consumes with its classes.
    write(tmp_path, {
        "pyproject.toml": mypy_config(),
        "facts_dep.py": """
            from budgetlint import affine, consumes


            @affine
            class Credits:
                @consumes
                def cash_out(self) -> int:
                    return 1

                def peek(self) -> int:
                    return 1


            class Tier(Credits):
                pass
        """,
        "facts_user.py": """
            from facts_dep import Credits, Tier


            def settle(c: Credits, t: Tier) -> None:
                c.cash_out()
                c.peek()
                t.cash_out()
                t.peek()
        """,
    })
    expected = {("facts_user.py", 6, 5, "budget-moved"), ("facts_user.py", 8, 5, "budget-moved")}
    assert run_mypy("facts_user.py", "facts_dep.py") == expected
    (tmp_path / "facts_user.py").write_text(
        (tmp_path / "facts_user.py").read_text(encoding="utf-8") + "\n# edited\n",
        encoding="utf-8")
    assert run_mypy("facts_user.py", "facts_dep.py") == expected


def test_changed_settings_and_models_invalidate_the_cache(tmp_path: Path,
                                                           run_mypy_process: Run) -> None:
    # A new process per run: models are read once per process.
    run_mypy = run_mypy_process
    model = """
        from budgetlint import affine, consumes

        @affine
        class Token:
            {marker}
            def use(self) -> None: ...
    """
    config = mypy_config(model_paths='["models"]').replace(
        f'mypy_path = "{PACKAGE_ROOT.as_posix()}"',
        f'mypy_path = ["{PACKAGE_ROOT.as_posix()}", "models"]')
    write(tmp_path, {
        "pyproject.toml": config,
        "models/inv_tokens.pyi": model.format(marker="@consumes"),
        "inv_user.py": """
            from inv_tokens import Token


            def f(t: Token) -> None:
                t.use()
                t.use()
        """,
    })
    reported = {("inv_user.py", 6, 5, "budget-moved")}
    assert run_mypy("inv_user.py") == reported
    write(tmp_path, {"pyproject.toml": config + 'ignore = ["BUD001"]\n'})
    assert run_mypy("inv_user.py") == set()
    write(tmp_path, {"pyproject.toml": config})
    assert run_mypy("inv_user.py") == reported
    write(tmp_path, {"models/inv_tokens.pyi": model.format(marker="")})
    assert run_mypy("inv_user.py") == set()


def test_a_module_without_calls_is_reported_when_checked_alone(
    tmp_path: Path, run_mypy: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    # With everything else cached, mypy calls no hook of the plugin while it
    # checks a module that makes no call: the checker is found another way.
    write(tmp_path, {"pyproject.toml": mypy_config(), "no_calls.py": """
        from budgetlint import Reservation


        def keep(r: Reservation) -> None:
            pass
    """})
    leak = {("no_calls.py", 4, 10, "budget-unconsumed")}
    assert run_mypy("no_calls.py") == leak
    searched: list[str] = []
    find = budgetlint.mypy_plugin._checker_of

    def spy(file: MypyFile) -> TypeChecker:
        searched.append(file.fullname)
        return find(file)

    monkeypatch.setattr(budgetlint.mypy_plugin, "_checker_of", spy)
    with (tmp_path / "no_calls.py").open("a", encoding="utf-8") as source:
        source.write("\n# edited\n")
    assert run_mypy("no_calls.py") == leak
    assert searched == ["no_calls"]
