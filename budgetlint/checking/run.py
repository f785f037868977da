"""The one implementation of "check these files", shared by the CLI and flake8.

Files are found and read by :mod:`.files` (a file that cannot be read or
decoded is one BUD900, and the run goes on), analysed by
:func:`budgetlint.checking.source.analyze_source`, then filtered by
:mod:`.selection`: ``select`` / ``ignore`` / ``per-file-ignores``, the
rules' default state, and suppression comments on the reported line. Each
file gets the settings of its nearest configuration unless one was named
with ``--config``. Results are cached (:mod:`budgetlint.cache`) and the
files not cached are analysed in parallel.
"""

from __future__ import annotations

import ast
import functools
import itertools
import sys
from collections.abc import Iterator, Sequence
from typing import Final, NamedTuple

from budgetlint.cache import Cache, fingerprint
from budgetlint.cache import key as cache_key
from budgetlint.checking.files import discover, read_source
from budgetlint.checking.selection import is_reported, suppress
from budgetlint.config import Settings
from budgetlint.config_loader import NO_OVERRIDES, Overrides, load_config, module_name
from budgetlint.diagnostics import Diagnostic, bad_input

# The analysis (walker, engine, models) and the worker pool are imported
# when a file is analysed: a run that finds every result cached skips them.


def check_paths(paths: Sequence[str], overrides: Overrides = NO_OVERRIDES, *,
                cache: Cache | None = None, jobs: int = 1) -> list[Diagnostic]:
    """Every reported diagnostic under ``paths``, sorted by path, line, column, code.

    A file whose result ``cache`` holds (same content, path, settings,
    models and budgetlint) is not analysed again; the others are analysed
    by ``jobs`` worker processes, and their results stored.

    Raises :class:`PathNotFoundError`, :class:`~budgetlint.config_loader.ConfigError`
    and :class:`~budgetlint.models.errors.ModelError`: problems with the run
    itself. A problem with one file is a BUD900 for that file.
    """
    if overrides.config:
        load_config(overrides.config)  # a bad --config fails the run even with no files
    sources = discover(paths, overrides)
    found: list[Diagnostic] = []
    fingerprints: dict[Settings, str] = {}

    def uncached() -> Iterator[_Pending]:
        """The files to analyse, read as the workers take them; the others'
        results go straight to ``found``."""
        for source in sources:
            text = read_source(source.path)
            if isinstance(text, Diagnostic):
                found.extend([text] if is_reported(text.code, source.path, source.settings)
                             else [])
                continue
            entry = None
            if cache is not None:
                if source.settings not in fingerprints:
                    fingerprints[source.settings] = fingerprint(source.settings)
                entry = cache_key(fingerprints[source.settings], source.path,
                                  module_name(source.path), text)
                cached = _rows(cache.get(RESULTS, entry))
                if cached is not None:
                    found.extend(Diagnostic(source.path, *row) for row in cached)
                    continue
            yield _Pending(source.path, source.settings, text, entry)

    # Starting workers costs more than a few files do.
    parallel = jobs > 1 and len(sources) >= 2 * jobs
    for diagnostics in (_in_workers(uncached(), cache, jobs) if parallel
                        else (_check_pending(item, cache) for item in uncached())):
        found += diagnostics
    return sorted(found)


RESULTS: Final = "results"
"""The cache's kind of entry: one file's reported diagnostics."""


class _Pending(NamedTuple):
    path: str
    settings: Settings
    text: str
    entry: str | None
    """Its cache key, if cached."""


def _rows(value: object) -> list[tuple[int, int, str, str]] | None:
    """A cached result, or ``None`` if it is not one (another shape: rewrite it)."""
    if not isinstance(value, list):
        return None
    rows: list[tuple[int, int, str, str]] = []
    for row in value:
        if not (isinstance(row, list) and len(row) == 4):
            return None
        line, col, code, message = row
        if not (isinstance(line, int) and isinstance(col, int) and isinstance(code, str)
                and isinstance(message, str)):
            return None
        rows.append((line, col, code, message))
    return rows


def _in_workers(pending: Iterator[_Pending], cache: Cache | None,
                jobs: int) -> Iterator[list[Diagnostic]]:
    """The reported diagnostics of each of ``pending``, in order, found by
    ``jobs`` worker processes (each stores what it found in ``cache``)."""
    first = next(pending, None)
    if first is None:
        return  # everything was cached: no worker to start, nothing to import
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    import budgetlint.checking.source  # noqa: F401  (imported once, before the workers fork)
    from budgetlint.models.index import load_index

    # Model errors stop the run here, and the workers share the models; a
    # cache folder that cannot be written is warned about here, once.
    load_index(first.settings, cache)
    if cache is not None:
        cache.prepare(RESULTS)
    # Forked workers start at once with everything loaded; elsewhere (macOS,
    # Windows) the platform's default start method is the safe one.
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else None)
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        yield from pool.map(functools.partial(_check_pending, cache=cache),
                            itertools.chain([first], pending), chunksize=_CHUNK)


_CHUNK: Final = 16
"""Files per task sent to a worker: few enough to balance the workers,
enough to keep the messages between them few."""


def _check_pending(item: _Pending, cache: Cache | None) -> list[Diagnostic]:
    diagnostics = check_text(item.text, item.path, item.settings, cache=cache)
    if cache is not None and item.entry is not None:
        cache.put(RESULTS, item.entry, [[d.line, d.col, d.code, d.message] for d in diagnostics])
    return diagnostics


def check_text(
    text: str,
    path: str,
    settings: Settings,
    *,
    honour_noqa: bool = True,
    tree: ast.Module | None = None,
    cache: Cache | None = None,
) -> list[Diagnostic]:
    """The reported diagnostics of one decoded file.

    ``honour_noqa`` is false for flake8, which applies ``# noqa`` itself (and
    ``--disable-noqa``); ``# budgetlint: ignore`` is applied either way.
    ``tree`` is the text already parsed by ``ast``, when the caller has it;
    ``cache`` the cache folder the models may be read from.
    """
    from budgetlint.checking.source import analyze_source
    from budgetlint.models.index import load_index

    # Loaded outside the per-file guard: a broken model file is the run's
    # problem (exit 2), not this file's.
    index = load_index(settings, cache)
    try:
        found = analyze_source(text, path, module_name(path), settings, index, tree)
    except Exception as error:  # one file's crash must not stop the run
        found = [bad_input(path, f"internal error: {type(error).__name__}: {error}")]
    return suppress(
        [d for d in found if is_reported(d.code, path, settings)], text, noqa=honour_noqa
    )


