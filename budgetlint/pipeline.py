"""The one implementation of "check these files", shared by the CLI and flake8.

Files are discovered from the paths given, read and decoded (a file that
cannot be is one BUD900, and the run goes on), analysed by
:func:`budgetlint.analysis.analyze_source`, then filtered: ``select`` /
``ignore`` / ``per-file-ignores``, the rules' default state, and suppression
comments on the reported line. Each file gets the settings of its nearest
configuration unless one was named with ``--config``.

Selection, precisely: a diagnostic is reported when its rule is *selected*
and not *ignored*.

* Selected: ``select`` is empty and the rule is on by default, or is
  configured (one of its options, e.g. ``mint-authority``, is set); or an
  entry of ``select`` is its code or a prefix of it. BUD900 is always
  selected: a file that could not be analysed is never silently passed.
* Ignored: an entry of ``per-file-ignores`` matching the file covers it; or
  an entry of ``ignore`` covers it and is at least as specific (as long) as
  the longest ``select`` entry that does, as in flake8 and ruff.
* Suppressed: the reported line carries ``# noqa`` (bare, or listing the
  code or a prefix, flake8's syntax) or ``# budgetlint: ignore`` (bare or
  ``[BUD001, BUD002]``). As flake8 does, a line inside a multi-line string
  looks for the comment on every line of that string.
"""

from __future__ import annotations

import ast
import dataclasses
import fnmatch
import functools
import io
import os
import re
import tokenize
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from budgetlint.analysis import analyze_source, bad_input
from budgetlint.config import Settings
from budgetlint.config_loader import KEYS, load_config, module_name, settings_for
from budgetlint.diagnostics import Diagnostic
from budgetlint.models.index import load_index
from budgetlint.rules.catalog import RULES, Rule

ANALYSIS_ERROR = "BUD900"

SKIPPED_FOLDERS = frozenset(
    {".git", "__pycache__", ".venv", "venv", ".tox", "build", "dist", ".mypy_cache"}
)
"""Folders never walked into (a folder named explicitly is still checked)."""

# flake8's NOQA_INLINE_REGEXP (flake8/defaults.py), so both front ends read
# the same comments the same way.
_NOQA = re.compile(r"# noqa(?::[\s]?(?P<codes>([A-Z]+[0-9]+(?:[,\s]+)?)+))?", re.IGNORECASE)
_IGNORE_COMMENT = re.compile(r"#\s*budgetlint:\s*ignore\b(?:\[(?P<codes>[^\]]*)\])?")
_CODE_LIST = re.compile(r"[,\s]")


class PathNotFoundError(Exception):
    """A path given to check does not exist (a usage error: exit 2)."""


@dataclass(frozen=True)
class Overrides:
    """Command-line settings that win over the configuration files."""

    config: str | None = None
    """One configuration file for every checked file, instead of discovery."""
    select: tuple[str, ...] | None = None
    """Replaces the configured ``select`` when given."""
    ignore: tuple[str, ...] = ()
    """Added to the configured ``ignore``."""


@dataclass(frozen=True)
class SourceFile:
    """A file to check, with the settings that apply to it."""

    path: str
    """As it is reported: the path given, joined with the names walked."""
    settings: Settings


def resolve_settings(path: str | Path, overrides: Overrides = Overrides()) -> Settings:
    """The settings that apply to ``path`` after the command-line overrides."""
    settings = load_config(overrides.config) if overrides.config else settings_for(path)
    if overrides.select is None and not overrides.ignore:
        return settings
    return dataclasses.replace(
        settings,
        select=settings.select if overrides.select is None else overrides.select,
        ignore=settings.ignore + overrides.ignore,
    )


def is_excluded(path: str | Path, settings: Settings) -> bool:
    """Whether an ``exclude`` glob matches ``path`` or a folder holding it,
    as a path relative to the settings' root (forward slashes) or as a name.
    A file named explicitly inside an excluded folder is excluded too."""
    if not settings.exclude:
        return False
    relative = _relative(path, settings)
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


def _relative(path: str | Path, settings: Settings) -> str:
    """``path`` relative to the settings' root with forward slashes, or
    absolute when it lies outside the root."""
    absolute = os.path.abspath(path)
    relative = os.path.relpath(absolute, os.path.abspath(settings.root))
    if relative == os.pardir or relative.startswith(os.pardir + os.sep):
        relative = absolute
    return relative.replace(os.sep, "/")


def discover(paths: Iterable[str], overrides: Overrides = Overrides()) -> list[SourceFile]:
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


def check_paths(paths: Sequence[str], overrides: Overrides = Overrides()) -> list[Diagnostic]:
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


def is_reported(code: str, path: str, settings: Settings) -> bool:
    """Whether select/ignore/per-file-ignores and the rule's default state
    let ``code`` be reported in ``path`` (see the module docstring)."""
    if any(
        code.startswith(codes)
        for pattern, codes in settings.per_file_ignores
        if _matches_file(path, pattern, settings)
    ):
        return False
    selected = _longest_prefix(code, settings.select)
    if settings.select and selected is None and code != ANALYSIS_ERROR:
        return False
    if not settings.select and not _on_without_select(RULES[code], settings):
        return False
    ignored = _longest_prefix(code, settings.ignore)
    return ignored is None or (selected is not None and len(selected) > len(ignored))


def _on_without_select(rule: Rule, settings: Settings) -> bool:
    return rule.default_enabled or any(getattr(settings, KEYS[key]) for key in rule.options)


def _longest_prefix(code: str, entries: Iterable[str]) -> str | None:
    return max((entry for entry in entries if code.startswith(entry)), key=len, default=None)


def _matches_file(path: str, pattern: str, settings: Settings) -> bool:
    relative = _relative(path, settings)
    return fnmatch.fnmatchcase(relative, pattern) or fnmatch.fnmatchcase(
        os.path.basename(relative), pattern
    )


def suppress(found: list[Diagnostic], text: str, *, noqa: bool = True) -> list[Diagnostic]:
    """``found`` without what suppression comments on the reported lines silence."""
    if not found or ("noqa" not in text.lower() and "budgetlint:" not in text):
        return found
    comment_lines = _comment_lines(text)
    physical = text.splitlines()

    def line_text(line: int) -> str:
        if line in comment_lines:
            return comment_lines[line]
        return physical[line - 1] if 0 < line <= len(physical) else ""

    return [d for d in found if not _is_suppressed(d.code, line_text(d.line), noqa=noqa)]


def _is_suppressed(code: str, line: str, *, noqa: bool) -> bool:
    comments = [_IGNORE_COMMENT.search(line)]
    if noqa:
        comments.append(_NOQA.search(line))
    for match in comments:
        if match is None:
            continue
        listed = match.group("codes")
        if listed is None:
            return True
        codes = tuple(item for item in _CODE_LIST.split(listed) if item)
        if code.startswith(codes):
            return True
    return False


def _comment_lines(text: str) -> dict[int, str]:
    """For each line, the text searched for a suppression comment: the line,
    or all the lines of the token group spanning it (a multi-line string),
    as flake8's ``FileProcessor._noqa_line_mapping`` computes it."""
    lines = text.splitlines(keepends=True)
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(text).readline))
    except (tokenize.TokenError, SyntaxError):
        return {}
    mapping: dict[int, str] = {}
    first, last = len(lines) + 2, -1
    for token in tokens:
        if token.type in (tokenize.ENDMARKER, tokenize.DEDENT):
            continue
        first, last = min(first, token.start[0]), max(last, token.end[0])
        if token.type in (tokenize.NL, tokenize.NEWLINE):
            joined = "".join(lines[first - 1 : last])
            mapping.update(dict.fromkeys(range(first, last + 1), joined))
            first, last = len(lines) + 2, -1
    return mapping
