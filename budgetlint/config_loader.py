"""Finding, reading and validating ``[tool.budgetlint]``.

A file's settings come from the nearest ``pyproject.toml`` with a
``[tool.budgetlint]`` table, walking up from the file's folder (a
``pyproject.toml`` without the table is skipped, as ruff and mypy do), or from
one file named with ``--config``. Every problem is a :class:`ConfigError`
whose text is one line naming the file, so the CLI can print it and exit 2.

The CLI, the flake8 plugin and the mypy plugin all read settings through this
module, so the three front ends agree on what a project configured;
command-line :class:`Overrides` apply on top (:func:`resolve_settings`).
"""

from __future__ import annotations

import dataclasses
import difflib
import os
import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Final

from budgetlint.config import Settings
from budgetlint.rules.catalog import CODE_PREFIX, RULES

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

PYPROJECT = "pyproject.toml"

KEYS: Mapping[str, str] = MappingProxyType(
    {
        "select": "select",
        "ignore": "ignore",
        "per-file-ignores": "per_file_ignores",
        "exclude": "exclude",
        "extra-affine": "extra_affine",
        "extra-linear": "extra_linear",
        "model-paths": "model_paths",
        "mint-authority": "mint_authority",
    }
)
"""Every ``[tool.budgetlint]`` key, with the :class:`Settings` field it sets."""

_DOTTED_NAME = re.compile(r"[^\W\d]\w*(?:\.[^\W\d]\w*)*")


class ConfigError(Exception):
    """A configuration that cannot be used; ``str()`` is one line naming the file."""


@dataclass(frozen=True)
class _Stamp:
    """What identifies one version of a file, so an edited file is read again."""

    path: str
    mtime_ns: int
    size: int


def _stamp(path: Path) -> _Stamp:
    info = path.stat()
    return _Stamp(str(path), info.st_mtime_ns, info.st_size)


@lru_cache(maxsize=64)
def _read_table(stamp: _Stamp) -> Mapping[str, object] | None:
    """The ``[tool.budgetlint]`` table of a TOML file, ``None`` if it has none."""
    path = Path(stamp.path)
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ConfigError(f"{path}: cannot read: {error.strerror or error}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None
    tool = document.get("tool")
    table = tool.get("budgetlint") if isinstance(tool, dict) else None
    if table is None:
        return None
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.budgetlint] must be a table")
    return MappingProxyType(table)


@lru_cache(maxsize=64)
def _settings(stamp: _Stamp) -> Settings | None:
    table = _read_table(stamp)
    return None if table is None else _build(Path(stamp.path), table)


def find_config(start: str | Path) -> Path | None:
    """The nearest ``pyproject.toml`` with a ``[tool.budgetlint]`` table.

    The walk starts at ``start`` if it is a folder, else at its folder, and
    goes up to the filesystem root.
    """
    folder = Path(start).absolute()
    if not folder.is_dir():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        pyproject = candidate / PYPROJECT
        if pyproject.is_file() and _read_table(_stamp(pyproject)) is not None:
            return pyproject
    return None


def load_config(path: str | Path) -> Settings:
    """The settings in one file named explicitly (``--config``).

    The file is a ``pyproject.toml`` or a standalone TOML file; either way the
    keys sit in its ``[tool.budgetlint]`` table, which must be there.
    """
    config = Path(path).absolute()
    if not config.is_file():
        raise ConfigError(f"{path}: configuration file not found")
    settings = _settings(_stamp(config))
    if settings is None:
        raise ConfigError(f"{path}: no [tool.budgetlint] table")
    return settings


def settings_for(path: str | Path) -> Settings:
    """The settings that apply to ``path``: the nearest configuration, or the
    defaults rooted at the working directory when there is none."""
    config = find_config(path)
    if config is None:
        return Settings(root=os.getcwd())
    settings = _settings(_stamp(config))
    # find_config only returns files whose table exists.
    assert settings is not None
    return settings


def validate_codes(values: Iterable[str], where: str) -> tuple[str, ...]:
    """``values`` if each is a rule code or a prefix of one (``BUD``, ``BUD00``).

    ``where`` names the origin for the message (``"pyproject.toml: select"``,
    ``"--ignore"``).
    """
    codes = tuple(values)
    for value in codes:
        if not value.startswith(CODE_PREFIX) or not any(c.startswith(value) for c in RULES):
            raise ConfigError(f"{where}: unknown rule code or prefix {value!r}")
    return codes


def _build(path: Path, table: Mapping[str, object]) -> Settings:
    """Validate a ``[tool.budgetlint]`` table and resolve it into :class:`Settings`."""
    for key in table:
        if key not in KEYS:
            close = difflib.get_close_matches(key, KEYS, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise ConfigError(f"{path}: unknown key {key!r} in [tool.budgetlint]{hint}")
    root = path.parent

    def strings(key: str) -> tuple[str, ...]:
        return _strings(table.get(key, []), f"{path}: {key}")

    def dotted_names(key: str) -> tuple[str, ...]:
        names = strings(key)
        for name in names:
            if not _DOTTED_NAME.fullmatch(name):
                raise ConfigError(f"{path}: {key}: {name!r} is not a dotted Python name")
        return names

    model_paths = []
    for entry in strings("model-paths"):
        folder = (root / entry).resolve()
        if not folder.exists():
            raise ConfigError(f"{path}: model-paths: {entry!r} does not exist ({folder})")
        model_paths.append(str(folder))

    return Settings(
        root=str(root),
        select=validate_codes(strings("select"), f"{path}: select"),
        ignore=validate_codes(strings("ignore"), f"{path}: ignore"),
        per_file_ignores=_per_file_ignores(path, table.get("per-file-ignores", {})),
        exclude=strings("exclude"),
        extra_affine=dotted_names("extra-affine"),
        extra_linear=dotted_names("extra-linear"),
        model_paths=tuple(model_paths),
        mint_authority=dotted_names("mint-authority"),
        source=str(path),
    )


def _strings(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{where}: expected a list of strings")
    return tuple(value)


def _per_file_ignores(path: Path, value: object) -> tuple[tuple[str, tuple[str, ...]], ...]:
    where = f"{path}: per-file-ignores"
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: expected a table of glob = [codes]")
    return tuple(
        (pattern, validate_codes(_strings(codes, f"{where}: {pattern!r}"), where))
        for pattern, codes in value.items()
    )


def module_name(path: str | Path) -> str:
    """The module name of a source file, computed as mypy does.

    Walks up through folders holding an ``__init__.py`` (or ``__init__.pyi``):
    ``src/pkg/sub/mod.py`` is ``pkg.sub.mod`` when ``pkg`` and ``sub`` are
    packages; ``pkg/__init__.py`` is ``pkg``; a file outside any package is
    its stem.
    """
    file = Path(path).absolute()
    parts = _package_parts(file.parent)
    if file.stem != "__init__":
        parts = (*parts, file.stem)
    return ".".join(parts) or file.stem


@lru_cache(maxsize=4096)
def _package_parts(folder: Path) -> tuple[str, ...]:
    """The package names from the outermost package down to ``folder``
    (cached: every file of a folder shares them)."""
    if folder == folder.parent or not _is_package(folder):
        return ()
    return (*_package_parts(folder.parent), folder.name)


def _is_package(folder: Path) -> bool:
    return (folder / "__init__.py").is_file() or (folder / "__init__.pyi").is_file()


@dataclass(frozen=True)
class Overrides:
    """Command-line settings that win over the configuration files."""

    config: str | None = None
    """One configuration file for every checked file, instead of discovery."""
    select: tuple[str, ...] | None = None
    """Replaces the configured ``select`` when given."""
    ignore: tuple[str, ...] = ()
    """Added to the configured ``ignore``."""


NO_OVERRIDES: Final = Overrides()


def resolve_settings(path: str | Path, overrides: Overrides = NO_OVERRIDES) -> Settings:
    """The settings that apply to ``path`` after the command-line overrides."""
    settings = load_config(overrides.config) if overrides.config else settings_for(path)
    if overrides.select is None and not overrides.ignore:
        return settings
    return dataclasses.replace(
        settings,
        select=settings.select if overrides.select is None else overrides.select,
        ignore=settings.ignore + overrides.ignore,
    )
