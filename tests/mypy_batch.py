"""Run mypy with the budgetlint plugin over many files at once, in process.

Running mypy once per file would repeat the type checking of the standard
library for every file; :func:`check_files` runs one mypy build per group of
files that share their ``[tool.budgetlint]`` settings (each file gets the
settings of its nearest configuration, as in the CLI) and have distinct
module names, and returns the budgetlint diagnostics mypy reported, by file.

The plugin is given to mypy as an instance (``extra_plugins``) holding the
group's settings. mypy's search path gets, besides the given options':

* the group's ``model-paths`` (model files are stubs of the libraries they
  model, which the checked code imports);
* the built-in models of third-party packages that are not installed
  (``trio``, ``anyio``, the LLM SDKs), so that mypy types their calls as
  the models declare, as the CLI does, instead of as ``Any``;
* the folder holding the ``budgetlint`` package when it is not installed in
  ``site-packages`` (an editable install, which mypy cannot follow).
"""

from __future__ import annotations

import importlib.util
import re
import sys
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Final

from mypy import build
from mypy.errors import CompileError
from mypy.modulefinder import BuildSource
from mypy.options import Options

import budgetlint
from budgetlint.config import Settings
from budgetlint.config_loader import module_name, settings_for
from budgetlint.diagnostics import Diagnostic, bad_input
from budgetlint.models.index import stubs_root
from budgetlint.mypy_plugin import BudgetlintPlugin
from budgetlint.rules.catalog import BY_MYPY_CODE

_MESSAGE: Final = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): error: (?P<text>.*?)  \[(?P<code>[a-z-]+)\]$"
)
_BLOCKER: Final = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+)(?::(?P<col>\d+))?: error: (?P<text>.*)$"
)


def check_files(
    paths: Iterable[str | Path], *, cache_dir: str | None = None, options: Options | None = None
) -> dict[Path, list[Diagnostic]]:
    """The budgetlint diagnostics mypy with the plugin reports in ``paths``,
    by resolved path. ``cache_dir`` is mypy's cache (``None``: no cache);
    ``options`` are mypy's options to start from (defaults otherwise).

    A file mypy cannot analyse at all (a syntax error blocks a whole build)
    gets one BUD900 and is left out of the build, which is run again.
    """
    groups: dict[Settings, list[Path]] = {}
    for given in paths:
        path = Path(given)
        groups.setdefault(settings_for(path), []).append(path)
    found: dict[Path, list[Diagnostic]] = {}
    with tempfile.TemporaryDirectory(prefix="budgetlint-models-") as models:
        base = _with_absent_models(options or Options(), Path(models))
        for settings, files in groups.items():
            for build_files in _distinct_modules(files):
                _run(build_files, settings, cache_dir, base, found)
    return found


def _with_absent_models(options: Options, folder: Path) -> Options:
    """``options`` with the built-in models of the third-party packages that
    are not installed on mypy's path, linked from ``folder``."""
    root = Path(str(stubs_root()))
    for entry in sorted(root.iterdir()):
        name = entry.name.removesuffix(".pyi")
        if entry.is_dir() and name.isidentifier() and importlib.util.find_spec(name) is None:
            (folder / name).symlink_to(entry, target_is_directory=True)
    if not any(folder.iterdir()):
        return options
    return options.apply_changes({"mypy_path": [*options.mypy_path, str(folder)]})


def check_corpus(paths: Sequence[Path]) -> dict[Path, list[Diagnostic]]:
    """The corpus harness's mypy front end: :func:`check_files` with a
    cache of its own for this run (the standard library is checked once for
    all builds; a cache kept across runs would replay a materialized file's
    errors under the path it had in an earlier run)."""
    with tempfile.TemporaryDirectory(prefix="budgetlint-mypy-") as cache:
        return check_files(paths, cache_dir=cache)


def _distinct_modules(files: Sequence[Path]) -> list[list[Path]]:
    """``files`` split so that no build holds two modules of the same name."""
    builds: list[dict[str, Path]] = []
    for file in files:
        name = module_name(file)
        target = next((b for b in builds if name not in b), None)
        if target is None:
            target = {}
            builds.append(target)
        target[name] = file
    return [list(b.values()) for b in builds]


def _options(settings: Settings, cache_dir: str | None, base: Options) -> Options:
    options = base.apply_changes({})
    options.show_column_numbers = True
    options.hide_error_codes = False
    options.incremental = cache_dir is not None
    options.cache_dir = cache_dir or options.cache_dir
    search = list(options.mypy_path)
    search += [p for p in settings.model_paths if p not in search]
    package_root = str(Path(budgetlint.__file__).resolve().parent.parent)
    if Path(package_root).name not in ("site-packages", "dist-packages") and (
        package_root not in search
    ):
        search.append(package_root)
    options.mypy_path = search
    return options


def _run(
    files: list[Path],
    settings: Settings,
    cache_dir: str | None,
    base: Options,
    found: dict[Path, list[Diagnostic]],
) -> None:
    """One mypy build over ``files``; blocked files get a BUD900 and the rest
    is built again."""
    pending = list(files)
    while pending:
        options = _options(settings, cache_dir, base)
        sources = [BuildSource(str(file), module_name(file)) for file in pending]
        try:
            result = build.build(sources, options,
                                 extra_plugins=[BudgetlintPlugin(options, settings)],
                                 stdout=sys.stdout, stderr=sys.stderr)
        except CompileError as error:
            blocked = _blocked(error.messages, pending)
            if not blocked:
                raise
            for file, diagnostic in blocked:
                found.setdefault(file.resolve(), []).append(diagnostic)
                pending.remove(file)
            continue
        for line in result.errors:
            _collect(line, found)
        return


def _collect(line: str, found: dict[Path, list[Diagnostic]]) -> None:
    """Keep one of mypy's error lines if it is a budgetlint diagnostic."""
    match = _MESSAGE.match(line)
    if match is None:
        return
    rule = BY_MYPY_CODE.get(match.group("code"))
    if rule is None:
        return
    path = match.group("path")
    found.setdefault(Path(path).resolve(), []).append(
        Diagnostic(path, int(match.group("line")), int(match.group("col")) - 1, rule.code,
                   match.group("text"))
    )


def _blocked(messages: Sequence[str], files: Sequence[Path]) -> list[tuple[Path, Diagnostic]]:
    """The files a blocking error names, each with its BUD900."""
    by_path = {file.resolve(): file for file in files}
    blocked: dict[Path, Diagnostic] = {}
    for message in messages:
        match = _BLOCKER.match(message)
        if match is None:
            continue
        file = by_path.get(Path(match.group("path")).resolve())
        if file is None or file in blocked:
            continue
        col = int(match.group("col") or 1) - 1
        blocked[file] = bad_input(str(file), match.group("text"), int(match.group("line")), col)
    return list(blocked.items())
