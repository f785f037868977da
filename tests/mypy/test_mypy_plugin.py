"""The mypy plugin: error codes, silencing, configuration, mypy's own checks."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import PACKAGE_ROOT, Run, mypy_config, write
from mypy import api
from mypy.errorcodes import error_codes

from budgetlint.mypy_plugin import ERROR_CODES, plugin
from budgetlint.rules.catalog import iter_rules

RULES_PROJECT = {
    "rules_moves.py": """
        import asyncio
        import copy

        from budgetlint import Borrowed, Budget, Reservation


        def run(budget: Budget) -> None: ...


        async def work(budget: Budget) -> None: ...


        def moved(b: Budget) -> None:
            run(b)
            b.spend(usd=1)


        def copied(b: Budget) -> object:
            return copy.copy(b)


        def twice(r: Reservation) -> None:
            r.commit(usd=1)
            r.release()


        def leaked(b: Budget) -> None:
            r = b.reserve(usd=1)


        async def fanned(b: Budget, qs: list[str]) -> None:
            await asyncio.gather(*[work(b) for q in qs])


        def escaped(b: Borrowed[Budget]) -> Budget:
            return b


        class Agent:
            def __init__(self, budget: Budget) -> None:
                self.budget = budget

            def finish(self) -> None:
                self.budget.close()


        def minted() -> Budget:
            return Budget(usd=1)
    """,
}
EXPECTED = {
    ("rules_moves.py", 15, 5, "budget-moved"),
    ("rules_moves.py", 19, 22, "budget-copy"),
    ("rules_moves.py", 24, 5, "budget-double-consume"),
    ("rules_moves.py", 28, 5, "budget-unconsumed"),
    ("rules_moves.py", 32, 33, "budget-fanout"),
    ("rules_moves.py", 36, 12, "budget-borrow-escape"),
    ("rules_moves.py", 44, 9, "budget-moved-field"),
    ("rules_moves.py", 48, 12, "budget-mint"),
}


def test_one_error_code_per_rule_from_the_catalog() -> None:
    with_codes = [rule for rule in iter_rules() if rule.mypy_code is not None]
    assert sorted(ERROR_CODES) == sorted(rule.code for rule in with_codes)
    for rule in with_codes:
        code = ERROR_CODES[rule.code]
        assert code.code == rule.mypy_code
        assert error_codes[code.code] is code  # known to mypy: --disable-error-code works
    assert len({code.code for code in ERROR_CODES.values()}) == len(ERROR_CODES)


def test_entry_point_returns_the_plugin_class() -> None:
    assert plugin("2.4.1").__name__ == "BudgetlintPlugin"


def test_every_rule_reported_with_its_code_at_its_site(tmp_path: Path, run_mypy: Run) -> None:
    write(tmp_path, {"pyproject.toml": mypy_config(mint_authority='["elsewhere"]'),
                     **RULES_PROJECT})
    assert run_mypy("rules_moves.py") == EXPECTED


def test_disable_error_code_silences_one_rule(tmp_path: Path, run_mypy: Run) -> None:
    write(tmp_path, {"pyproject.toml": mypy_config(mint_authority='["elsewhere"]'),
                     **RULES_PROJECT})
    found = run_mypy("rules_moves.py", "--disable-error-code", "budget-fanout")
    assert found == {e for e in EXPECTED if e[3] != "budget-fanout"}


def test_mint_rule_is_off_without_mint_authority(tmp_path: Path, run_mypy: Run) -> None:
    write(tmp_path, {"pyproject.toml": mypy_config(), **RULES_PROJECT})
    assert run_mypy("rules_moves.py") == {e for e in EXPECTED if e[3] != "budget-mint"}


def test_type_ignore_silences_its_code_only_and_is_used(tmp_path: Path, run_mypy: Run) -> None:
    write(tmp_path, {
        "pyproject.toml": mypy_config(),
        "ignores.py": """
            import copy

            from budgetlint import Budget


            def run(budget: Budget) -> None: ...


            def hand_off(b: Budget, c: Budget) -> None:
                run(b)
                b.spend(usd=1)  # type: ignore[budget-moved]
                run(c)
                c.spend(usd=1)  # type: ignore[budget-copy]
        """,
    })
    # The first ignore is used (no unused-ignore error on its line under
    # warn_unused_ignores); the second names another code.
    assert run_mypy("ignores.py") == {
        ("ignores.py", 13, 5, "budget-moved"),
        ("ignores.py", 13, 0, "unused-ignore"),
    }


def test_budgetlint_comments_and_settings_filter_as_in_the_cli(
    tmp_path: Path, run_mypy: Run
) -> None:
    write(tmp_path, {
        "pyproject.toml": mypy_config(ignore='["BUD002"]',
                                      per_file_ignores='{"legacy_*.py" = ["BUD001"]}'),
        "filtered_new.py": """
            import copy

            from budgetlint import Budget


            def run(budget: Budget) -> None: ...


            def f(b: Budget, c: Budget, d: Budget) -> object:
                run(b)
                b.spend(usd=1)
                run(c)
                c.spend(usd=1)  # noqa: BUD001
                run(d)
                d.spend(usd=1)  # budgetlint: ignore[BUD001]
                return copy.copy(b)
        """,
        "legacy_old.py": """
            from budgetlint import Budget


            def run(budget: Budget) -> None: ...


            def f(b: Budget) -> None:
                run(b)
                b.spend(usd=1)
        """,
    })
    assert run_mypy("filtered_new.py", "legacy_old.py") == {
        ("filtered_new.py", 11, 5, "budget-moved"),
    }


def test_select_limits_the_rules(tmp_path: Path, run_mypy: Run) -> None:
    write(tmp_path, {"pyproject.toml": mypy_config(select='["BUD00"]', ignore='["BUD001"]'),
                     **{"selected_" + name: text for name, text in RULES_PROJECT.items()}})
    found = run_mypy("selected_rules_moves.py")
    expected = {("selected_" + e[0], *e[1:]) for e in EXPECTED}
    assert found == {e for e in expected if e[3] not in ("budget-moved", "budget-mint")}


def test_ini_configuration_names_the_budgetlint_table(tmp_path: Path, run_mypy: Run) -> None:
    write(tmp_path, {
        "pyproject.toml": mypy_config(),  # run_mypy's config; its table is not read here
        "mypy.ini": f"""
            [mypy]
            plugins = budgetlint.mypy_plugin
            mypy_path = {PACKAGE_ROOT}
            show_column_numbers = True

            [budgetlint]
            config = settings/budgetlint.toml
        """,
        "settings/budgetlint.toml": """
            [tool.budgetlint]
            ignore = ["BUD001"]
        """,
        "ini_case.py": """
            import copy

            from budgetlint import Budget


            def run(budget: Budget) -> None: ...


            def f(b: Budget) -> object:
                run(b)
                return copy.copy(b)
        """,
    })
    assert run_mypy("ini_case.py") == {("ini_case.py", 11, 22, "budget-moved")}
    assert run_mypy("--config-file", "mypy.ini", "ini_case.py") == set()


def test_model_paths_declare_third_party_classes(tmp_path: Path, run_mypy: Run) -> None:
    write(tmp_path, {
        "pyproject.toml": mypy_config(model_paths='["models"]').replace(
            f'mypy_path = "{PACKAGE_ROOT.as_posix()}"',
            f'mypy_path = ["{PACKAGE_ROOT.as_posix()}", "models"]'),
        "models/wallets.pyi": """
            from budgetlint import affine, consumes

            @affine
            class Wallet:
                def __init__(self, cents: int) -> None: ...
                @consumes
                def pay(self, cents: int) -> Wallet: ...
        """,
        "uses_wallets.py": """
            from wallets import Wallet


            def f() -> None:
                w = Wallet(10)
                rest = w.pay(1)
                w.pay(2)
                rest.pay(3)
        """,
    })
    assert run_mypy("uses_wallets.py") == {("uses_wallets.py", 7, 5, "budget-moved")}


def test_mypys_default_plugin_still_checks(tmp_path: Path, run_mypy: Run) -> None:
    write(tmp_path, {
        "pyproject.toml": mypy_config(),
        "with_partial.py": """
            import functools

            from budgetlint import Budget


            def charge(b: Budget, cents: int) -> None: ...


            def f(b: Budget) -> None:
                later = functools.partial(charge, b, "ten")
                later()
        """,
    })
    assert run_mypy("with_partial.py") == {("with_partial.py", 10, 42, "arg-type")}


def test_configuration_error_stops_the_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, {"pyproject.toml": mypy_config(selct='["BUD001"]'), "any_module.py": "x = 1\n"})
    monkeypatch.chdir(tmp_path)
    _, _, status = api.run(["--no-incremental", "any_module.py"])
    assert status == 2
    assert "unknown key 'selct' in [tool.budgetlint]" in capsys.readouterr().err


def test_model_error_stops_the_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, {"pyproject.toml": mypy_config(model_paths='["models"]'),
                     "models/broken_model.pyi": "def f(:\n",
                     "checked_module.py": "x = 1\n"})
    monkeypatch.chdir(tmp_path)
    _, _, status = api.run(["--no-incremental", "checked_module.py"])
    assert status == 2
    assert "broken_model.pyi:1: cannot parse" in capsys.readouterr().err
