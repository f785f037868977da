"""The ``budgetlint`` package: what it exports and what importing it loads."""

from __future__ import annotations

import ast
import inspect
import subprocess
import sys

import budgetlint

RUNTIME_NAMES = {
    "Amount",
    "Borrowed",
    "Budget",
    "BudgetError",
    "BudgetExceeded",
    "BudgetMovedError",
    "Reservation",
    "Usage",
    "affine",
    "consumes",
    "linear",
}


def test_the_package_exports_exactly_the_runtime() -> None:
    assert set(budgetlint.__all__) == RUNTIME_NAMES | {"__version__"}
    assert all(hasattr(budgetlint, name) for name in budgetlint.__all__)


def test_the_exports_are_plain_imports_a_static_reader_can_follow() -> None:
    tree = ast.parse(inspect.getsource(budgetlint))
    imported = {
        alias.asname or alias.name: f"{node.module}.{alias.name}"
        for node in tree.body
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("budgetlint")
        for alias in node.names
    }
    assert set(imported) == RUNTIME_NAMES
    for name, target in imported.items():
        module, _, attribute = target.rpartition(".")
        assert getattr(sys.modules[module], attribute) is getattr(budgetlint, name)


def test_importing_budgetlint_loads_only_the_standard_library() -> None:
    probe = (
        "import sys; before = set(sys.modules); import budgetlint; "
        "print(sorted({m.split('.')[0] for m in set(sys.modules) - before}))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe], check=True, capture_output=True, text=True
    ).stdout
    tops = set(ast.literal_eval(loaded))
    # typing_extensions only where typing lacks what the runtime needs (Self: 3.11).
    extensions = {"typing_extensions"} if sys.version_info < (3, 11) else set()
    assert tops - sys.stdlib_module_names == {"budgetlint", *extensions}
