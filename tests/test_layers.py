"""Layers you can see from the tree: what each package may import."""

from __future__ import annotations

import ast
from pathlib import Path

import budgetlint.engine

ENGINE = Path(budgetlint.engine.__file__).parent


def _imported(path: Path) -> list[tuple[int, str]]:
    """Every module ``path`` imports (anywhere in it, ``TYPE_CHECKING``
    blocks and function bodies included), with its line."""
    found: list[tuple[int, str]] = []
    package = "budgetlint.engine"
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1])
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            # `from budgetlint import engine` imports a module, not only a name.
            found += [(node.lineno, f"{module}.{alias.name}") for alias in node.names]
    return found


def _inside(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def test_engine_imports_nothing_of_budgetlint_outside_the_engine() -> None:
    files = sorted(ENGINE.glob("*.py"))
    assert files, ENGINE
    outside = [
        f"{path.name}:{line}: {module}"
        for path in files
        for line, module in _imported(path)
        if _inside(module, "budgetlint") and not _inside(module, "budgetlint.engine")
    ]
    assert outside == []


def test_the_check_sees_a_forbidden_import(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text(
        "from typing import TYPE_CHECKING\n"
        "from budgetlint.engine import ir\n"
        "from . import cfg\n"
        "if TYPE_CHECKING:\n"
        "    from budgetlint.config import Settings\n"
        "def f() -> None:\n"
        "    import budgetlint.rules.catalog\n"
        "    from .. import models\n"
    )
    modules = [module for _, module in _imported(probe) if _inside(module, "budgetlint")]
    assert [m for m in modules if not _inside(m, "budgetlint.engine")] == [
        "budgetlint.config.Settings",
        "budgetlint.rules.catalog",
        "budgetlint.models",
    ]
