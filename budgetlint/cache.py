"""budgetlint's cache folder, kept as ruff and mypy keep theirs.

The folder (``.budgetlint_cache`` in the folder of the configuration that
applies to the working directory, unless ``--cache-dir`` or
``BUDGETLINT_CACHE_DIR`` names another) holds a ``CACHEDIR.TAG``, so
backup tools skip it, and a ``.gitignore`` of ``*``, so it is never
committed. Entries live under the version that wrote them
(``<folder>/<version>/<kind>/<key[:2]>/<key>``): another version's entries are never
read. Each entry is written to a temporary file of the writing process in
its own folder and renamed into place, so two runs that share the folder never read a
half-written entry; each starts with a digest of its body, so a corrupt
entry reads as missing and is rewritten. Entries are JSON, never pickles:
a cache folder can come from anywhere, and reading it must not run code.
The CLI keeps each file's result there and the parsed models
(:mod:`budgetlint.models.codec`); the mypy plugin keeps the models in
``budgetlint/`` of mypy's own cache folder.

:func:`fingerprint` is one digest of everything findings depend on besides
the checked file: the settings, budgetlint's version and analysis code,
the built-in models and the user's model files. The mypy plugin reports
it as its configuration data; the CLI keys its results by it.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import sys
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Final

import budgetlint
from budgetlint.config import Settings

FOLDER_NAME: Final = ".budgetlint_cache"
ENVIRONMENT: Final = "BUDGETLINT_CACHE_DIR"
"""The environment variable naming the cache folder (as ``RUFF_CACHE_DIR``)."""
_TAG: Final = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by budgetlint.\n"
    "# For information about cache directory tags, see:\n"
    "#\thttps://bford.info/cachedir/\n"
)
_GITIGNORE: Final = "# Automatically created by budgetlint.\n*\n"
_MAGIC: Final = "budgetlint-cache 1"

# budgetlint's files whose changes change findings: the analysis, and the
# runtime, which the models read. Hashed, so that a checkout's edits count
# even when the version does not change.
_ANALYSIS_CODE: Final = ("engine", "lowering", "models", "rules", "frontends/mypy", "runtime",
                         "__init__.py", "config.py", "checking", "diagnostics.py")


def default_folder(root: str | Path) -> Path:
    """The cache folder of a run whose configuration lives in ``root``."""
    named = os.environ.get(ENVIRONMENT)
    return Path(named) if named else Path(root, FOLDER_NAME)


class Cache:
    """Entries of one budgetlint version in one cache folder."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        self._entries = self.folder / budgetlint.__version__
        self._warned = False
        self._ready: set[str] = set()
        """The kinds whose folder exists (made by this process)."""
        self._shards: set[Path] = set()

    # Equal by folder: the copy a worker process receives with each task is
    # the same cache (the models loaded through it are reused, not reloaded).
    def __eq__(self, other: object) -> bool:
        return isinstance(other, Cache) and other.folder == self.folder

    def __hash__(self) -> int:
        return hash(self.folder)

    def get(self, kind: str, key: str,
            hook: Callable[[dict[str, object]], object] | None = None) -> object | None:
        """The entry ``key`` of ``kind``, or ``None`` if missing, unreadable or
        corrupt; ``hook`` reads its JSON objects (``json.loads``'s
        ``object_hook``), raising ``ValueError`` for what it does not accept."""
        try:
            data = self._path(kind, key).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        header, _, body = data.partition("\n")
        if header != f"{_MAGIC} {_digest(body)}":
            return None
        try:
            value: object = json.loads(body, object_hook=hook)
        except (ValueError, RecursionError):
            return None
        return value

    def put(self, kind: str, key: str, value: object) -> None:
        """Store ``value`` (JSON data) as the entry ``key`` of ``kind``,
        atomically. A folder that cannot be written is warned about once:
        the run goes on uncached."""
        if not self.prepare(kind):
            return
        body = json.dumps(value, separators=(",", ":"))
        path = self._path(kind, key)
        # Named by process: no other writer uses this name while this one does.
        temporary = path.with_name(f".{key}.{os.getpid()}.tmp")
        try:
            if path.parent not in self._shards:
                path.parent.mkdir(exist_ok=True)
                self._shards.add(path.parent)
            with open(temporary, "w", encoding="utf-8") as file:
                file.write(f"{_MAGIC} {_digest(body)}\n{body}")
            os.replace(temporary, path)
        except OSError as error:
            with contextlib.suppress(OSError):
                temporary.unlink()
            self._warn(error)

    def prepare(self, kind: str) -> bool:
        """Create the cache folder (with its tag and ``.gitignore``) and the
        folder of ``kind``'s entries, once; whether they are there. Worker
        processes started after it do not warn again."""
        if kind in self._ready:
            return True
        if self._warned:
            return False
        try:
            if not (self.folder / "CACHEDIR.TAG").is_file():
                self.folder.mkdir(parents=True, exist_ok=True)
                for name, text in (("CACHEDIR.TAG", _TAG), (".gitignore", _GITIGNORE)):
                    path = self.folder / name
                    if not path.exists():
                        path.write_text(text, encoding="utf-8")
            (self._entries / kind).mkdir(parents=True, exist_ok=True)
        except OSError as error:
            self._warn(error)
            return False
        self._ready.add(kind)
        return True

    def _path(self, kind: str, key: str) -> Path:
        # 256 folders of entries per kind: a run's many renames into one
        # folder serialise on it (and on two workers sharing it).
        return self._entries / kind / key[:2] / key

    def _warn(self, error: OSError) -> None:
        if not self._warned:
            self._warned = True
            print(f"budgetlint: warning: cannot write the cache in {self.folder}: "
                  f"{error.strerror or error}", file=sys.stderr)


def key(*parts: str) -> str:
    """One entry key from its parts."""
    return _digest("\0".join(parts))


def fingerprint(settings: Settings) -> str:
    """One digest of everything findings depend on besides the checked code
    (see the module docstring). Files are hashed, not parsed, so a run that
    finds everything cached never loads the models."""
    table = {name: value for name, value in asdict(settings).items() if name != "source"}
    digest = hashlib.sha256(json.dumps(table, sort_keys=True).encode())
    digest.update(code_digest().encode())
    for path in _files([Path(settings.root, entry) for entry in settings.model_paths]):
        digest.update(str(path).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@functools.lru_cache(maxsize=1)
def code_digest() -> str:
    """budgetlint's version, analysis code and built-in models, hashed once
    per process: a key part of whatever the analysis computes."""
    digest = hashlib.sha256(budgetlint.__version__.encode())
    package = Path(budgetlint.__file__).parent
    files = [package / entry for entry in _ANALYSIS_CODE]
    # The built-in models: installed as budgetlint._stubs, or stubs/ in a checkout.
    files += [path for path in (package / "_stubs", package.parent / "stubs") if path.is_dir()]
    for path in _files(files):
        # Size and modification time, as mypy and ruff judge their own sources:
        # reading every file would cost a warm run more than it checks.
        status = path.stat()
        digest.update(f"{path.relative_to(package.parent)}\0{status.st_size}\0"
                      f"{status.st_mtime_ns}\0".encode())
    return digest.hexdigest()


def _files(paths: list[Path]) -> list[Path]:
    """The ``.py`` and ``.pyi`` files of ``paths`` (files or folders), sorted within each."""
    found: list[Path] = []
    for path in paths:
        if not path.is_dir():
            found += [path] if path.suffix in (".py", ".pyi") and path.is_file() else []
            continue
        inside: list[str] = []
        for folder, folders, names in os.walk(path):
            folders[:] = [name for name in folders if name != "__pycache__"]
            inside += [os.path.join(folder, name) for name in names
                       if name.endswith((".py", ".pyi"))]
        found += [Path(name) for name in sorted(inside)]
    return found


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
