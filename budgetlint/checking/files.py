"""Finding the files to check and reading them as Python reads source.

:func:`discover` walks the paths given (skipping :data:`SKIPPED_FOLDERS` and
what ``exclude`` matches) and pairs each file with the settings of its
nearest configuration; :func:`read_source` decodes a file (PEP 263 cookie,
BOM, UTF-8 by default), or says in one BUD900 why it cannot.
"""

from __future__ import annotations

import fnmatch
import functools
import io
import os
import tokenize
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from budgetlint.config import Settings
from budgetlint.config_loader import NO_OVERRIDES, Overrides, resolve_settings
from budgetlint.diagnostics import Diagnostic, bad_input

SKIPPED_FOLDERS = frozenset(
    {".git", "__pycache__", ".venv", "venv", ".tox", "build", "dist", ".mypy_cache"}
)
"""Folders never walked into (a folder named explicitly is still checked)."""


class PathNotFoundError(Exception):
    """A path given to check does not exist (a usage error: exit 2)."""


@dataclass(frozen=True)
class SourceFile:
    """A file to check, with the settings that apply to it."""

    path: str
    """As it is reported: the path given, joined with the names walked."""
    settings: Settings


def is_excluded(path: str | Path, settings: Settings) -> bool:
    """Whether an ``exclude`` glob matches ``path`` or a folder holding it,
    as a path relative to the settings' root (forward slashes) or as a name.
    A file named explicitly inside an excluded folder is excluded too."""
    if not settings.exclude:
        return False
    relative = relative_path(path, settings)
    if os.path.isabs(relative):  # outside the root: only the path itself and its name
        candidates = {relative, os.path.basename(relative)}
    else:
        parts = relative.split("/")
        candidates = {"/".join(parts[: i + 1]) for i in range(len(parts))} | set(parts)
    return any(
        fnmatch.fnmatchcase(candidate, pattern)
        for candidate in candidates
        for pattern in settings.exclude
    )


def relative_path(path: str | Path, settings: Settings) -> str:
    """``path`` relative to the settings' root with forward slashes, or
    absolute when it lies outside the root."""
    absolute = os.path.abspath(path)
    relative = os.path.relpath(absolute, os.path.abspath(settings.root))
    if relative == os.pardir or relative.startswith(os.pardir + os.sep):
        relative = absolute
    return relative.replace(os.sep, "/")


def discover(paths: Iterable[str], overrides: Overrides = NO_OVERRIDES) -> list[SourceFile]:
    """The files to check under ``paths``, each once, in a stable order.

    Folders are walked for ``.py`` files, skipping :data:`SKIPPED_FOLDERS` and
    what ``exclude`` matches; a file named explicitly is checked whatever its
    suffix (so a ``.pyi`` only when named), unless ``exclude`` matches it.
    """

    # Every file of a folder has the folder's settings: resolve each folder once.
    @functools.cache
    def settings_in(folder: str) -> Settings:
        return resolve_settings(folder, overrides)

    seen: set[str] = set()
    files: list[SourceFile] = []
    for given in paths:
        if not os.path.exists(given):
            raise PathNotFoundError(f"{given}: no such file or directory")
        for path in _walk(os.path.normpath(given), settings_in):
            key = os.path.realpath(path)
            if key not in seen:
                seen.add(key)
                files.append(SourceFile(path, settings_in(_folder_of(path))))
    return files


def _folder_of(file: str) -> str:
    return os.path.dirname(os.path.abspath(file))


def _walk(given: str, settings_in: Callable[[str], Settings]) -> Iterator[str]:
    if not os.path.isdir(given):
        if not is_excluded(given, settings_in(_folder_of(given))):
            yield given
        return
    for folder, folders, names in os.walk(given):
        settings = settings_in(os.path.abspath(folder))
        folders[:] = sorted(
            name
            for name in folders
            if name not in SKIPPED_FOLDERS and not is_excluded(os.path.join(folder, name), settings)
        )
        for name in sorted(names):
            path = os.path.normpath(os.path.join(folder, name))
            if name.endswith(".py") and not is_excluded(path, settings):
                yield path


def read_source(path: str) -> str | Diagnostic:
    """The decoded text of ``path``, or the BUD900 saying why there is none."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        return bad_input(path, f"cannot read file: {error.strerror or error}")
    return decode_source(data, path)


def decode_source(data: bytes, path: str) -> str | Diagnostic:
    """``data`` decoded as Python reads source (PEP 263 cookie, BOM, UTF-8 by
    default, universal newlines), or the BUD900 saying why it cannot be."""
    if b"\0" in data:
        return bad_input(path, "binary file (contains NUL bytes)")
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError as error:
        return bad_input(path, f"cannot decode: {error.msg}")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        byte = data[error.start]
        return bad_input(
            path, f"cannot decode as {encoding}: byte 0x{byte:02x} on line {line}", line
        )
    # What tokenize.open (and so flake8) hands the checkers.
    return text.replace("\r\n", "\n").replace("\r", "\n")


