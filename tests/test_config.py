"""``[tool.budgetlint]`` discovery, validation and module names."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from budgetlint.config import Settings
from budgetlint.config_loader import (
    KEYS,
    ConfigError,
    find_config,
    load_config,
    module_name,
    settings_for,
    validate_codes,
)

FULL = """
[tool.budgetlint]
select = ["BUD0"]
ignore = ["BUD007"]
per-file-ignores = { "tests/*" = ["BUD001", "BUD002"] }
exclude = ["migrations/*"]
extra-affine = ["acme.budget.TokenBudget"]
extra-linear = ["acme.leases.Lease"]
model-paths = ["typings"]
mint-authority = ["acme.main"]
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_every_key_is_read_into_settings(tmp_path: Path) -> None:
    (tmp_path / "typings").mkdir()
    config = write(tmp_path / "pyproject.toml", FULL)
    settings = load_config(config)
    assert settings == Settings(
        root=str(tmp_path),
        select=("BUD0",),
        ignore=("BUD007",),
        per_file_ignores=(("tests/*", ("BUD001", "BUD002")),),
        exclude=("migrations/*",),
        extra_affine=("acme.budget.TokenBudget",),
        extra_linear=("acme.leases.Lease",),
        model_paths=(str(tmp_path / "typings"),),
        mint_authority=("acme.main",),
    )
    assert settings.source == str(config)
    assert set(KEYS.values()) == {
        name for name in Settings.__dataclass_fields__ if name not in ("root", "source")
    }


def test_nearest_pyproject_with_the_table_wins(tmp_path: Path) -> None:
    outer = write(tmp_path / "pyproject.toml", '[tool.budgetlint]\nignore = ["BUD001"]\n')
    write(tmp_path / "pkg" / "pyproject.toml", "[project]\nname = 'pkg'\n")
    inner = write(tmp_path / "pkg" / "sub" / "pyproject.toml", "[tool.budgetlint]\n")
    file = write(tmp_path / "pkg" / "sub" / "deep" / "mod.py", "")
    assert find_config(file) == inner
    # pkg/pyproject.toml has no [tool.budgetlint]: skipped on the way up.
    assert find_config(tmp_path / "pkg" / "mod.py") == outer
    assert settings_for(tmp_path / "pkg" / "mod.py").ignore == ("BUD001",)
    assert settings_for(file).root == str(inner.parent)


def test_no_configuration_means_defaults_rooted_at_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    file = write(tmp_path / "a.py", "")
    assert find_config(file) is None
    assert settings_for(file) == Settings(root=str(tmp_path))


def test_a_standalone_file_named_explicitly(tmp_path: Path) -> None:
    config = write(tmp_path / "budgetlint.toml", '[tool.budgetlint]\nselect = ["BUD001"]\n')
    assert load_config(config).select == ("BUD001",)


def test_an_edited_file_is_read_again(tmp_path: Path) -> None:
    config = write(tmp_path / "pyproject.toml", '[tool.budgetlint]\nignore = ["BUD001"]\n')
    assert load_config(config).ignore == ("BUD001",)
    write(config, '[tool.budgetlint]\nignore = ["BUD002", "BUD003"]\n')
    os.utime(config, ns=(0, 1))  # a new stamp even on a coarse clock
    assert load_config(config).ignore == ("BUD002", "BUD003")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("selct = []", "unknown key 'selct' in [tool.budgetlint] (did you mean 'select'?)"),
        ("per_file_ignores = {}", "did you mean 'per-file-ignores'?"),
        ('select = "BUD001"', "select: expected a list of strings"),
        ("ignore = [1]", "ignore: expected a list of strings"),
        ('select = ["BUD999"]', "select: unknown rule code or prefix 'BUD999'"),
        ('ignore = ["BUD1"]', "ignore: unknown rule code or prefix 'BUD1'"),
        ('select = ["E501"]', "unknown rule code or prefix 'E501'"),
        ('per-file-ignores = ["x"]', "per-file-ignores: expected a table"),
        ('per-file-ignores = { "a/*" = ["BUD01X"] }', "unknown rule code or prefix 'BUD01X'"),
        ('model-paths = ["missing"]', "model-paths: 'missing' does not exist"),
        ('extra-affine = ["not a name"]', "extra-affine: 'not a name' is not a dotted"),
        ('mint-authority = ["app..main"]', "mint-authority: 'app..main' is not a dotted"),
        ("select = [", "invalid TOML"),
    ],
)
def test_invalid_configuration_is_one_line_naming_the_file(
    tmp_path: Path, body: str, message: str
) -> None:
    config = write(tmp_path / "pyproject.toml", f"[tool.budgetlint]\n{body}\n")
    with pytest.raises(ConfigError) as raised:
        load_config(config)
    text = str(raised.value)
    assert text.startswith(f"{config}: ")
    assert message in text
    assert "\n" not in text


def test_a_broken_pyproject_on_the_way_up_is_an_error(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.budgetlint\n")
    with pytest.raises(ConfigError, match="invalid TOML"):
        settings_for(write(tmp_path / "a.py", ""))


def test_explicit_file_must_exist_and_hold_the_table(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="configuration file not found"):
        load_config(tmp_path / "nope.toml")
    config = write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n")
    with pytest.raises(ConfigError, match=r"no \[tool.budgetlint\] table"):
        load_config(config)


def test_codes_and_prefixes() -> None:
    assert validate_codes(["BUD", "BUD00", "BUD001", "BUD9"], "--select") == (
        "BUD",
        "BUD00",
        "BUD001",
        "BUD9",
    )
    with pytest.raises(ConfigError, match=r"^--select: unknown rule code or prefix 'bud001'$"):
        validate_codes(["bud001"], "--select")


def test_module_names_follow_packages_as_mypy(tmp_path: Path) -> None:
    write(tmp_path / "src" / "acme" / "__init__.py", "")
    write(tmp_path / "src" / "acme" / "agents" / "__init__.pyi", "")
    assert module_name(tmp_path / "src" / "acme" / "agents" / "planner.py") == (
        "acme.agents.planner"
    )
    assert module_name(tmp_path / "src" / "acme" / "agents" / "__init__.pyi") == "acme.agents"
    assert module_name(tmp_path / "src" / "acme" / "__init__.py") == "acme"
    assert module_name(tmp_path / "src" / "script.py") == "script"
    # A folder without __init__.py breaks the chain.
    write(tmp_path / "src" / "acme" / "loose" / "tool.py", "")
    assert module_name(tmp_path / "src" / "acme" / "loose" / "tool.py") == "tool"
