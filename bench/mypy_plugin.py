"""Cost of the mypy plugin: plain mypy against mypy with the plugin, side by side.

    python bench/mypy_plugin.py [CORPUS] [--repeat N]   (default CORPUS=./.bench-corpus/agents)

Build the corpus first with ``../shared/perf/make_corpus.sh``. Two workloads:

1. the agent-framework corpus: every package under CORPUS checked in one mypy
   run (``-p`` each, missing third-party imports ignored);
2. a synthetic budget-dense module of a few thousand lines (``check.py``'s
   generator), where the plugin has the most to analyse.

Each is run by plain mypy and by mypy with ``plugins = budgetlint.mypy_plugin``
as fresh processes, in three cache states:

* cold: an empty cache;
* warm: the cache of a previous identical run, nothing changed (mypy's
  incremental fast path; the target is at most +10% on the agent corpus);
* edited: the cache warm for the standard library and the dependencies,
  every checked file changed (a comment appended), so mypy checks all of
  them again and the plugin analyses them again.

The checked files are copies, so that editing them leaves the corpus alone;
budgetlint itself (with its models) is copied too and mypy runs on the copy,
so that an edit to budgetlint's source during the run (which rightly
invalidates mypy's cache) cannot turn a warm run cold. Timings are the best
of ``--repeat`` runs (1 by default; warm runs 3 times more), plain and plugin
alternating. Nothing is asserted: machines are
shared and noisy; read the ratios.
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from check import python_files, synthetic_module

import budgetlint

ROOT = Path(__file__).resolve().parent.parent
WARM_TARGET = 1.10
SYNTHETIC_FUNCTIONS = 150


def freeze_budgetlint(folder: Path) -> Path:
    """A copy of the budgetlint package and its built-in models under
    ``folder``: put first on ``PYTHONPATH`` (the plugin) and on mypy's path
    (the synthetic module imports budgetlint; mypy cannot follow an
    editable install), in both runs alike."""
    source = Path(budgetlint.__file__).resolve().parent
    root = folder / "frozen"
    shutil.copytree(source, root / "budgetlint",
                    ignore=shutil.ignore_patterns("__pycache__"))
    stubs = source.parent / "stubs"
    if stubs.is_dir():  # a checkout; an installed wheel carries budgetlint._stubs
        shutil.copytree(stubs, root / "stubs")
    # Installed packages have their bytecode: so does the copy, once.
    compileall.compile_dir(root / "budgetlint", quiet=1)
    return root


def child_env(frozen: Path, **extra: str) -> dict[str, str]:
    """The environment of a measured process: the copy first on its path,
    and bytecode read as an installed package's is (a sandbox's
    ``PYTHONDONTWRITEBYTECODE`` would recompile every module on every run)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return dict(env, PYTHONPATH=str(frozen), **extra)


@dataclass(frozen=True)
class Workload:
    """What one mypy run checks: its targets and search path, from ``cwd``."""

    name: str
    cwd: Path
    targets: tuple[str, ...]
    search_path: tuple[str, ...]
    files: tuple[Path, ...]
    """The checked files (edited for the "edited" state)."""


def config(folder: Path, *, plugin: bool) -> Path:
    """A mypy configuration, with or without the plugin."""
    lines = ["[mypy]", "ignore_missing_imports = True"]
    if plugin:
        lines.append("plugins = budgetlint.mypy_plugin")
    path = folder / ("plugin.ini" if plugin else "plain.ini")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run_mypy(workload: Workload, config_file: Path, cache: Path, frozen: Path) -> float:
    """One mypy process over ``workload``; its wall time in seconds."""
    env = child_env(frozen, MYPYPATH=os.pathsep.join((*workload.search_path, str(frozen))))
    command = [sys.executable, "-m", "mypy", "--config-file", str(config_file),
               "--cache-dir", str(cache), *workload.targets]
    start = time.perf_counter()
    done = subprocess.run(command, cwd=workload.cwd, env=env, capture_output=True, text=True,
                          check=False)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"mypy failed on {workload.name}:\n{done.stdout[-2000:]}\n{done.stderr}")
    return elapsed


def edit(files: Sequence[Path], round_: int) -> None:
    """Change every file's content (not its interface): mypy checks it again."""
    for path in files:
        with path.open("a", encoding="utf-8") as source:
            source.write(f"\n# bench edit {round_}\n")


def measure(workload: Workload, folder: Path, frozen: Path, repeat: int) -> None:
    """Cold, warm and edited timings of plain mypy and of mypy with the plugin."""
    configs = {"plain": config(folder, plugin=False), "plugin": config(folder, plugin=True)}
    caches = {name: folder / f"cache-{name}" for name in configs}
    best: dict[tuple[str, str], float] = {}

    def record(state: str, name: str, seconds: float) -> None:
        best[(state, name)] = min(seconds, best.get((state, name), seconds))

    for round_ in range(1, repeat + 1):
        for name in configs:
            shutil.rmtree(caches[name], ignore_errors=True)
            record("cold", name, run_mypy(workload, configs[name], caches[name], frozen))
        for _ in range(3):
            for name in configs:
                record("warm", name, run_mypy(workload, configs[name], caches[name], frozen))
        edit(workload.files, round_)
        for name in configs:
            record("edited", name, run_mypy(workload, configs[name], caches[name], frozen))
    print(f"{'':20}{'plain':>10}{'plugin':>10}{'ratio':>9}")
    for state in ("cold", "warm", "edited"):
        plain, plugin = best[(state, "plain")], best[(state, "plugin")]
        note = f"   (target <= {WARM_TARGET:.2f}x)" if state == "warm" else ""
        print(f"  {state:18}{plain:9.2f}s{plugin:9.2f}s{plugin / plain:8.2f}x{note}")


def agents_workload(corpus: Path, folder: Path) -> Workload:
    """Every package of the corpus, copied under ``folder``."""
    copy = folder / "agents"
    shutil.copytree(corpus, copy)
    roots = sorted(p for p in copy.iterdir() if p.is_dir())
    packages = sorted({child.name for root in roots for child in root.iterdir()
                       if child.is_dir() and (child / "__init__.py").is_file()})
    files = tuple(python_files(copy))
    return Workload("agents", copy, tuple(a for p in packages for a in ("-p", p)),
                    tuple(str(r) for r in roots), files)


def synthetic_workload(folder: Path) -> Workload:
    """The budget-dense module, written under ``folder``."""
    source = folder / "synthetic" / "budget_dense.py"
    source.parent.mkdir()
    source.write_text(synthetic_module(SYNTHETIC_FUNCTIONS), encoding="utf-8")
    return Workload("synthetic", source.parent, (source.name,), (), (source,))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path,
                        default=ROOT / ".bench-corpus" / "agents")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"no corpus at {args.corpus}: run ../shared/perf/make_corpus.sh first")
    with tempfile.TemporaryDirectory(prefix="budgetlint-bench-") as temp:
        folder = Path(temp)
        frozen = freeze_budgetlint(folder)
        agents = agents_workload(args.corpus, folder)
        lines = sum(len(p.read_bytes().splitlines()) for p in agents.files)
        print(f"agent corpus: {args.corpus} ({len(agents.files)} files, {lines} lines)")
        measure(agents, folder, frozen, args.repeat)
        synthetic = synthetic_workload(folder)
        lines = len(synthetic.files[0].read_text(encoding="utf-8").splitlines())
        print(f"synthetic budget-dense module ({lines} lines)")
        measure(synthetic, folder, frozen, args.repeat)


if __name__ == "__main__":
    main()
