"""The flake8 entry point (code ``BUD``): the CLI's checks inside flake8.

It reports exactly what ``budgetlint check`` reports on the same file: the
settings come from the same ``[tool.budgetlint]`` discovery and
:mod:`budgetlint.checking` filters with the same select / ignore /
per-file-ignores / ``exclude`` and ``# budgetlint: ignore``. flake8 applies
``# noqa`` (and its own ``--select``/``--extend-ignore``) itself.

A configuration or model error cannot stop flake8 cleanly from inside a
plugin, so it is reported as a BUD900 on the first line of each file,
where an editor shows it.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Sequence

from budgetlint import __version__
from budgetlint.checking.files import is_excluded
from budgetlint.checking.run import check_text
from budgetlint.config_loader import ConfigError, settings_for
from budgetlint.diagnostics import Diagnostic, bad_input
from budgetlint.models.errors import ModelError


class Flake8Checker:
    """flake8 tree plugin; flake8 passes ``tree``, ``filename`` and ``lines``
    by parameter name."""

    name = "budgetlint"
    version = __version__

    def __init__(self, tree: ast.AST, filename: str, lines: Sequence[str]) -> None:
        # flake8 parsed the file once for every plugin: reuse that tree.
        self.tree = tree if isinstance(tree, ast.Module) else None
        self.filename = filename
        self.lines = lines

    def run(self) -> Iterator[tuple[int, int, str, type[Flake8Checker]]]:
        """Yield ``(line, col, "BUDnnn message", type)`` per diagnostic."""
        for diagnostic in self._diagnostics():
            text = f"{diagnostic.code} {diagnostic.message}"
            yield diagnostic.line, diagnostic.col, text, type(self)

    def _diagnostics(self) -> list[Diagnostic]:
        try:
            settings = settings_for(self.filename)
            if is_excluded(self.filename, settings):
                return []
            return check_text("".join(self.lines), self.filename, settings,
                              honour_noqa=False, tree=self.tree)
        except (ConfigError, ModelError) as error:
            return [bad_input(self.filename, f"configuration error: {error}")]
