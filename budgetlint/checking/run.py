"""The one implementation of "check these files", shared by the CLI and flake8.

Files are found and read by :mod:`.files` (a file that cannot be read or
decoded is one BUD900, and the run goes on), analysed by
:func:`budgetlint.checking.source.analyze_source`, then filtered by
:mod:`.selection`: ``select`` / ``ignore`` / ``per-file-ignores``, the
rules' default state, and suppression comments on the reported line. Each
file gets the settings of its nearest configuration unless one was named
with ``--config``.
"""

from __future__ import annotations

import ast
from collections.abc import Sequence

from budgetlint.checking.files import discover, read_source
from budgetlint.checking.selection import is_reported, suppress
from budgetlint.checking.source import analyze_source
from budgetlint.config import Settings
from budgetlint.config_loader import NO_OVERRIDES, Overrides, load_config, module_name
from budgetlint.diagnostics import Diagnostic, bad_input
from budgetlint.models.index import load_index


def check_paths(paths: Sequence[str], overrides: Overrides = NO_OVERRIDES) -> list[Diagnostic]:
    """Every reported diagnostic under ``paths``, sorted by path, line, column, code.

    Raises :class:`PathNotFoundError`, :class:`~budgetlint.config_loader.ConfigError`
    and :class:`~budgetlint.models.index.ModelError`: problems with the run
    itself. A problem with one file is a BUD900 for that file.
    """
    if overrides.config:
        load_config(overrides.config)  # a bad --config fails the run even with no files
    found: list[Diagnostic] = []
    for source in discover(paths, overrides):
        found.extend(check_file(source.path, source.settings))
    return sorted(found)


def check_file(path: str, settings: Settings) -> list[Diagnostic]:
    """The reported diagnostics of one file on disk."""
    text = read_source(path)
    if isinstance(text, Diagnostic):
        return [text] if is_reported(text.code, path, settings) else []
    return check_text(text, path, settings)


def check_text(
    text: str,
    path: str,
    settings: Settings,
    *,
    honour_noqa: bool = True,
    tree: ast.Module | None = None,
) -> list[Diagnostic]:
    """The reported diagnostics of one decoded file.

    ``honour_noqa`` is false for flake8, which applies ``# noqa`` itself (and
    ``--disable-noqa``); ``# budgetlint: ignore`` is applied either way.
    ``tree`` is the text already parsed by ``ast``, when the caller has it.
    """
    # Loaded outside the per-file guard: a broken model file is the run's
    # problem (exit 2), not this file's.
    index = load_index(settings)
    try:
        found = analyze_source(text, path, module_name(path), settings, index, tree)
    except Exception as error:  # one file's crash must not stop the run
        found = [bad_input(path, f"internal error: {type(error).__name__}: {error}")]
    return suppress(
        [d for d in found if is_reported(d.code, path, settings)], text, noqa=honour_noqa
    )


