"""Speed of budgetlint's checks, measured side by side in one run, on one core.

    python bench/check.py [AGENTS] [--quick] [--rounds N] [--only SECTIONS] [--core N]

AGENTS defaults to ./.bench-corpus/agents: build it first with
``bash ../shared/perf/make_corpus.sh .bench-corpus``. The bench makes the
adopter copy itself (``adopter.py``: every module imports budgetlint and
ends with a small function that creates, splits and delegates a Budget) at
AGENTS/../adopter, again only when it is missing or stale. Sections, in order
(``--only`` takes a comma-separated subset of their names):

cli        ``budgetlint check`` on the adopter corpus against the floor (read
           + ``ast.parse`` of the same files in a fresh interpreter); target
           at most 3x;
project    the CLI as a project runs it, results cached per file (``--cache-dir``):
           cold ``-j1`` against the floor (target at most 3x), warm with
           nothing changed (at most 0.2x), warm after one module was edited
           (about that module's own cost, printed beside it), and cold ``-j2``
           on two cores against ``-j1`` (wall time; at least 1.7x faster);
flake8     flake8 with the BUD plugin against flake8 without it, end to end on
           the same adopter files (``--select BUD,E,F,W --jobs 1``). flake8
           runs every installed plugin whatever ``--select`` says, so each side
           runs flake8 with its plugin list filtered (``flake8.plugins.finder``):
           flake8's own plugins (pycodestyle, pyflakes), plus budgetlint on one
           side; each side reports whether budgetlint was imported. Target
           at most +25%;
mypy       mypy with ``plugins = budgetlint.mypy_plugin`` against plain mypy on
           the adopter copy of langgraph (``mypy_plugin.py``'s set-up): cold
           (empty cache), warm (the same run again) and after a one-line edit
           of its largest module; targets +10%, +5% and +10%;
branching  one function of 1,000, 2,000 and 4,000 branching statements (each
           an ``if`` that spends in one branch and splits in the other),
           checked by the CLI; the time of the CLI on an empty file is
           subtracted; target at most 2.5x per doubling;
file       the adopter module closest to 500 lines, checked by the CLI,
           against the interpreter's start-up (``python -c pass``) plus 3x
           that file's floor (its read + ``ast.parse``, timed in a fresh
           interpreter); target at most 1x; also after an edit, as adopters
           run it again (models cached, the file's result not);
synthetic  a budget-dense module (``synthetic_module``) at 1x, 2x, 4x and 8x
           size, checked by the CLI (empty-file time subtracted): time per
           line should stay flat;
plugins    (only with ``--only``) budgetlint's ``Flake8Checker`` against
           flake8-bugbear's ``BugBearChecker``, each driven alone as flake8
           drives it on pre-parsed adopter files, in this process (so on the
           checkout's code, not the snapshot's).

Every child imports one snapshot of budgetlint and its models, copied at the
start (``mypy_plugin.freeze_budgetlint``) and first on ``PYTHONPATH``, so the
whole run measures one version of the code while the checkout changes. The
snapshot must check a correct file clean and find BUD001 in a wrong one; the
bench tries three snapshots, 30 s apart, before it gives up.

Times are CPU seconds (user + system) of fresh processes, the bench and its
children pinned to one core; wall seconds in brackets. The sides of each
comparison alternate within every round (``--rounds``, default 1, for the
corpus-wide sections; 3 or 5 times that for the small ones); the best of
each side is kept. A generated file's check is stopped after ``--limit``
seconds. ``--quick`` checks every 8th adopter module and halves the function
lengths twice (about 1.5 minutes; the full run takes about 6). Nothing here
is asserted: the machine is shared and noisy; read the ratios.
"""

from __future__ import annotations

import argparse
import ast
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import adopter

ROOT = Path(__file__).resolve().parent.parent
FLOOR = """
import ast, sys
for name in open(sys.argv[1]).read().splitlines():
    with open(name, "rb") as f:
        data = f.read()
    try:
        ast.parse(data)
    except (SyntaxError, ValueError):
        pass
"""
FLOOR_ONE = """
import ast, sys, time
best = float("inf")
for _ in range(int(sys.argv[2])):
    start = time.process_time()
    with open(sys.argv[1], "rb") as f:
        data = f.read()
    ast.parse(data)
    best = min(best, time.process_time() - start)
print(best)
"""
FLAKE8 = """
import sys
from flake8.main import cli
from flake8.plugins import finder
from flake8.utils import normalize_pypi_name

keep = {normalize_pypi_name(n) for n in sys.argv[1].split(",")}
keep |= {"flake8", "local", "pycodestyle", "pyflakes"}
find_plugins = finder.find_plugins


def kept(*args, **kwargs):
    return [p for p in find_plugins(*args, **kwargs)
            if normalize_pypi_name(p.package) in keep]


finder.find_plugins = kept
try:
    status = cli.main(sys.argv[2:])
finally:
    module = sys.modules.get("budgetlint")
    print("bench: budgetlint imported:", module.__file__ if module else "no", file=sys.stderr)
sys.exit(status)
"""
SECTIONS = ("cli", "project", "flake8", "mypy", "branching", "file", "synthetic")
OPTIONAL = ("plugins",)
MYPY_FRAMEWORK = "langgraph"


def best_of(runs: int, action: Callable[[], object]) -> float:
    """The fastest of ``runs`` timings of ``action``, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def python_files(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.rglob("*.py") if p.is_file())


# --- measuring ------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """One child process: its CPU and wall seconds and what it said."""

    cpu: float
    wall: float
    returncode: int | None
    """None if it was stopped at its time limit."""
    stdout: str
    stderr: str


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(action: Callable[[], object]) -> tuple[float, float]:
    """CPU seconds of the children that ``action`` runs (and waits for), and its wall time."""
    cpu, start = children_cpu(), time.perf_counter()
    action()
    return children_cpu() - cpu, time.perf_counter() - start


def run(command: Sequence[str], *, env: dict[str, str] | None = None,
        cwd: Path | None = None, timeout: float | None = None,
        output: Path | None = None) -> Run:
    """Run ``command`` to its end (or its time limit); stdout goes to ``output`` if given."""
    cpu, start = children_cpu(), time.perf_counter()
    returncode: int | None
    with (output.open("w") if output else tempfile.TemporaryFile("w+")) as out:
        try:
            done = subprocess.run(command, cwd=cwd, env=env, stdout=out, stderr=subprocess.PIPE,
                                  text=True, timeout=timeout, check=False)
            returncode, stderr = done.returncode, done.stderr
        except subprocess.TimeoutExpired as stopped:
            returncode = None
            stderr = stopped.stderr.decode() if isinstance(stopped.stderr, bytes) else ""
        stdout = ""
        if output is None:
            out.seek(0)
            stdout = out.read()
    return Run(children_cpu() - cpu, time.perf_counter() - start, returncode, stdout, stderr)


class Sides:
    """The best run of each side of a comparison."""

    def __init__(self) -> None:
        self.best: dict[str, Run] = {}

    def add(self, side: str, result: Run) -> Run:
        if side not in self.best or result.cpu < self.best[side].cpu:
            self.best[side] = result
        return result

    def cpu(self, side: str) -> float:
        return self.best[side].cpu

    def line(self, label: str, side: str, note: str = "") -> str:
        result = self.best[side]
        return f"  {label:34}{result.cpu:9.2f} s  [{result.wall:7.2f} s]{note}"


def alternate(round_: int, sides: Sequence[str]) -> Sequence[str]:
    """The sides in this round's order: reversed every other round."""
    return sides if round_ % 2 == 0 else list(reversed(sides))


def pin(core: int | None) -> str:
    """Pin this process, and so every child it starts, to one core."""
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned (no sched_setaffinity here)"
    chosen = min(os.sched_getaffinity(0)) if core is None else core
    os.sched_setaffinity(0, {chosen})
    return f"pinned to core {chosen}"


def cli_command() -> list[str]:
    """``budgetlint`` as adopters run it: the installed script, else ``-m``."""
    script = Path(sys.executable).parent / "budgetlint"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "budgetlint.cli"]


def line_count(path: Path) -> int:
    return len(path.read_bytes().splitlines())


def percent(ratio: float) -> str:
    return f"{(ratio - 1) * 100:+6.1f}%"


# --- sections -------------------------------------------------------------


@dataclass(frozen=True)
class Bench:
    """What every section works on."""

    corpus: adopter.Adopter
    files: tuple[Path, ...]
    """The adopter modules measured (all, or every 8th with --quick)."""
    targets: tuple[str, ...]
    """The command-line arguments naming them."""
    folder: Path
    settings: Path
    """A configuration file with an empty ``[tool.budgetlint]``."""
    rounds: int
    quick: bool
    limit: float
    frozen: Path
    """The snapshot of budgetlint that every child imports."""
    env: dict[str, str]

    def run(self, command: Sequence[str], *, timeout: float | None = None,
            output: Path | None = None) -> Run:
        """``command`` in the bench's folder (not the checkout: ``-c`` puts the
        working directory first on ``sys.path``) with the snapshot's environment."""
        return run(command, env=self.env, cwd=self.folder, timeout=timeout, output=output)


def check(bench: Bench, *paths: str, cache: Path | None = None, jobs: int = 1) -> list[str]:
    """The CLI on ``paths``: uncached unless ``cache`` names the folder to use."""
    options = ["--no-cache"] if cache is None else ["--cache-dir", str(cache)]
    return [*cli_command(), "check", "--config", str(bench.settings), "-j", str(jobs),
            *options, *paths]


def findings(result: Run) -> str:
    lines = [line for line in result.stdout.splitlines() if " BUD" in line]
    status = {0: "clean", 1: "findings", None: "stopped"}.get(result.returncode, "error")
    shown = "".join(f"\n      {line}" for line in lines[:5])
    if result.returncode not in (0, 1):
        shown += "".join(f"\n      {line}" for line in result.stderr.splitlines()[-5:])
    return f"exit {result.returncode} ({status}), {len(lines)} findings{shown}"


def section_cli(bench: Bench) -> None:
    listing = bench.folder / "files.txt"
    listing.write_text("\n".join(str(p) for p in bench.files), encoding="utf-8")
    sides = Sides()
    commands = {"floor": [sys.executable, "-c", FLOOR, str(listing)],
                "check": check(bench, *bench.targets)}
    for round_ in range(bench.rounds):
        for side in alternate(round_, list(commands)):
            sides.add(side, bench.run(commands[side]))
    ratio = sides.cpu("check") / sides.cpu("floor")
    print("budgetlint check on the adopter corpus:")
    print(sides.line("floor (read + ast.parse)", "floor"))
    print(sides.line("budgetlint check", "check",
                     f"   ratio {ratio:5.2f}x (target <= 3x)"))
    print(f"  budgetlint check: {findings(sides.best['check'])} (expected: clean)")


def section_project(bench: Bench) -> None:
    listing = bench.folder / "files.txt"
    listing.write_text("\n".join(str(p) for p in bench.files), encoding="utf-8")
    edited = min(bench.files, key=lambda p: (abs(line_count(p) - 500), str(p)))
    original = edited.read_text("utf-8")
    cache = bench.folder / "project-cache"
    sides = Sides()
    cores = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
    every = sorted(os.sched_getaffinity(0) | set(range(os.cpu_count() or 1))) if cores else []
    try:
        for round_ in range(bench.rounds):
            for side in alternate(round_, ["floor", "cold", "j2"]):
                if side == "floor":
                    sides.add(side, bench.run([sys.executable, "-c", FLOOR, str(listing)]))
                    continue
                shutil.rmtree(cache, ignore_errors=True)
                if side == "j2" and cores:
                    os.sched_setaffinity(0, every[:2])  # two cores for this run only
                try:
                    sides.add(side, bench.run(check(bench, *bench.targets, cache=cache,
                                                    jobs=2 if side == "j2" else 1)))
                finally:
                    if cores:
                        os.sched_setaffinity(0, cores)
            shutil.rmtree(cache, ignore_errors=True)
            bench.run(check(bench, *bench.targets, cache=cache))
            for _ in range(2):
                sides.add("warm", bench.run(check(bench, *bench.targets, cache=cache)))
            edited.write_text(original + f"\n# bench edit {round_}\n", "utf-8")
            sides.add("edited", bench.run(check(bench, *bench.targets, cache=cache)))
            sides.add("alone", bench.run(check(bench, str(edited))))
    finally:
        edited.write_text(original, "utf-8")
    floor = sides.cpu("floor")
    print("whole-project runs on the adopter corpus (results cached per file):")
    print(sides.line("floor (read + ast.parse)", "floor"))
    print(sides.line("cold, -j1", "cold",
                     f"   ratio {sides.cpu('cold') / floor:5.2f}x (target <= 3x)"))
    print(sides.line("warm, nothing changed", "warm",
                     f"   ratio {sides.cpu('warm') / floor:5.2f}x (target <= 0.2x)"))
    extra = sides.cpu("edited") - sides.cpu("warm")
    print(sides.line("warm, one module edited", "edited",
                     f"   {extra:+.2f} s over warm; that module alone, uncached: "
                     f"{sides.cpu('alone'):.2f} s"))
    if len(every) >= 2:
        speedup = sides.best["cold"].wall / sides.best["j2"].wall
        print(sides.line("cold, -j2 (two cores)", "j2",
                         f"   {speedup:5.2f}x faster than -j1, wall (target >= 1.7x)"))
    else:
        print("  cold, -j2: one core here, not measured")
    print("  (a module's findings depend on no other module yet: an edit re-checks that"
          " module only)")


def section_flake8(bench: Bench) -> None:
    sides = Sides()
    keep = {"without": "", "with": "budgetlint"}
    outputs = {side: bench.folder / f"flake8-{side}.txt" for side in keep}
    for round_ in range(bench.rounds):
        for side in alternate(round_, list(keep)):
            command = [sys.executable, "-c", FLAKE8, keep[side], "--isolated", "--jobs", "1",
                       "--select", "BUD,E,F,W", *bench.targets]
            result = sides.add(side, bench.run(command, output=outputs[side]))
            if result.returncode not in (0, 1):
                print(f"  flake8 {side} the plugin failed:\n{result.stderr[-2000:]}")
                return
    ratio = sides.cpu("with") / sides.cpu("without")
    print("flake8 --select BUD,E,F,W on the same adopter files (pycodestyle, pyflakes):")
    print(sides.line("without the BUD plugin", "without"))
    print(sides.line("with the BUD plugin", "with",
                     f"   ratio {ratio:5.2f}x = {percent(ratio)} (target <= +25%)"))
    for side in keep:
        imported = [line for line in sides.best[side].stderr.splitlines()
                    if line.startswith("bench: ")]
        reports = outputs[side].read_text("utf-8", errors="replace").splitlines()
        bud = sum(" BUD" in line for line in reports)
        print(f"  {side} the plugin: {imported[-1][7:] if imported else '(no report)'}; "
              f"{len(reports)} reports, {bud} BUD")


def section_mypy(bench: Bench) -> None:
    import mypy_plugin  # imports this module as ``check``: not at the top

    source = next((d for d in sorted(bench.corpus.root.iterdir())
                   if d.name.startswith(MYPY_FRAMEWORK + "-")), None)
    if source is None:
        print(f"mypy: no {MYPY_FRAMEWORK} in {bench.corpus.root}")
        return
    folder = bench.folder / "mypy"
    folder.mkdir()
    copy = folder / source.name
    shutil.copytree(source, copy, ignore=shutil.ignore_patterns(adopter.STAMP))
    files = tuple(python_files(copy))
    packages = sorted(p.name for p in copy.iterdir() if p.is_dir())
    workload = mypy_plugin.Workload(MYPY_FRAMEWORK, copy,
                                    tuple(a for p in packages for a in ("-p", p)),
                                    (str(copy),), files)
    edited = min(files, key=lambda p: (-line_count(p), str(p)))
    configs = {"plain": mypy_plugin.config(folder, plugin=False),
               "plugin": mypy_plugin.config(folder, plugin=True)}
    caches = {side: folder / f"cache-{side}" for side in configs}
    best: dict[tuple[str, str], tuple[float, float]] = {}

    def measure(state: str, side: str) -> None:
        seconds = timed(lambda: mypy_plugin.run_mypy(workload, configs[side], caches[side],
                                                     bench.frozen))
        if (state, side) not in best or seconds[0] < best[(state, side)][0]:
            best[(state, side)] = seconds

    for round_ in range(bench.rounds):
        order = alternate(round_, list(configs))
        for side in order:
            shutil.rmtree(caches[side], ignore_errors=True)
            measure("cold", side)
        for _ in range(2):
            for side in order:
                measure("warm", side)
        text = edited.read_text("utf-8")
        line = adopter.SPEND if round_ == 0 else f"    child.spend(usd={round_ + 1}e-3)\n"
        if line not in text:
            sys.exit(f"mypy: no line {line!r} to edit in {edited}")
        edited.write_text(text.replace(line, f"    child.spend(usd={round_ + 2}e-3)\n"),
                          "utf-8")
        for side in order:
            measure("edited", side)
    lines = sum(line_count(p) for p in files)
    print(f"mypy on the adopter copy of {source.name} ({len(files)} files, {lines} lines; "
          f"edit: one line of {edited.relative_to(copy)}):")
    print(f"  {'':26}{'plain':>16}{'plugin':>22}     ratio")
    for state, target in (("cold", "+10%"), ("warm", "+5%"), ("after a one-line edit", "+10%")):
        key = state.split()[0] if state != "after a one-line edit" else "edited"
        (plain, plain_wall), (plugin, plugin_wall) = best[(key, "plain")], best[(key, "plugin")]
        ratio = plugin / plain
        print(f"  {state:24}{plain:8.2f} s [{plain_wall:6.2f} s]{plugin:8.2f} s "
              f"[{plugin_wall:6.2f} s]   {ratio:5.2f}x = {percent(ratio)} (target <= {target})")


def branching_function(statements: int) -> str:
    """One function of ``statements`` ``if`` statements that spend or split a Budget."""
    lines = ["from budgetlint import Budget", "", "",
             "def branching(flags: list[bool]) -> None:", "    budget = Budget(usd=1000)"]
    for i in range(statements):
        lines += [f"    if flags[{i}]:",
                  "        budget.spend(usd=0.001)",
                  "    else:",
                  "        child = budget.split(usd=0.001)",
                  "        child.spend(usd=0.0001)",
                  "        budget.reclaim(child)"]
    lines += ["    owner = budget.delegate()", "    owner.close()", ""]
    return "\n".join(lines)


def empty_file(bench: Bench) -> Path:
    path = bench.folder / "empty.py"
    path.touch()
    return path


def section_branching(bench: Bench) -> None:
    sizes = (250, 500, 1000) if bench.quick else (1000, 2000, 4000)
    empty = empty_file(bench)
    sides = Sides()
    paths = {}
    for size in sizes:
        paths[size] = bench.folder / f"branching_{size}.py"
        paths[size].write_text(branching_function(size), encoding="utf-8")
    stopped: int | None = None
    for _ in range(3 * bench.rounds):
        round_cpu = sides.add("empty", bench.run(check(bench, str(empty)))).cpu
        for size in sizes:
            if stopped is not None and size >= stopped:
                break
            result = sides.add(str(size), bench.run(check(bench, str(paths[size])),
                                              timeout=bench.limit))
            round_cpu += result.cpu
            if result.returncode is None:
                stopped = size
        if round_cpu > 60:
            break  # one round is enough when it takes that long
    print("one function of N branching statements, checked by the CLI "
          "(minus the CLI on an empty file):")
    print(sides.line("empty file", "empty"))
    empty_cpu = sides.cpu("empty")
    previous: float | None = None
    for size in sizes:
        found = sides.best.get(str(size))
        if found is None:
            print(f"  {size:5d} statements                  not run (a shorter one was stopped)")
            continue
        result = found
        if result.returncode is None:
            print(f"  {size:5d} statements                  stopped at the {bench.limit:.0f} s "
                  "limit")
            continue
        net = max(result.cpu - empty_cpu, 1e-3)
        note = "" if previous is None else \
            f"   doubling {net / previous:5.2f}x (target <= 2.5x)"
        print(f"  {size:5d} statements ({line_count(paths[size]):6d} lines){result.cpu:8.2f} s  "
              f"[{result.wall:7.2f} s]  net {net:7.2f} s{note}")
        if result.returncode != 0:
            print(f"        {findings(result)}")
        previous = net


def section_file(bench: Bench) -> None:
    chosen = min(bench.corpus.modules, key=lambda p: (abs(line_count(p) - 500), str(p)))
    empty = empty_file(bench)
    # The file as an adopter checks it again after an edit: the models are
    # cached (by a first run), the file's result is not (its text changed).
    cache, edited = bench.folder / "file-cache", bench.folder / chosen.name
    bench.run(check(bench, str(empty), cache=cache))
    sides = Sides()
    floors: list[float] = []
    for round_ in range(5 * bench.rounds):
        for side in alternate(round_, ["startup", "empty", "file", "edited", "floor"]):
            if side == "startup":
                sides.add(side, bench.run([sys.executable, "-c", "pass"]))
            elif side == "empty":
                sides.add(side, bench.run(check(bench, str(empty))))
            elif side == "file":
                sides.add(side, bench.run(check(bench, str(chosen))))
            elif side == "edited":
                edited.write_text(chosen.read_text("utf-8") + f"\n# edit {round_}\n", "utf-8")
                sides.add(side, bench.run(check(bench, str(edited), cache=cache)))
            else:
                done = bench.run([sys.executable, "-c", FLOOR_ONE, str(chosen), "20"])
                floors.append(float(done.stdout))
    floor = min(floors)
    allowed = sides.cpu("startup") + 3 * floor
    ratio = sides.cpu("file") / allowed
    print(f"one adopter file, {chosen.relative_to(bench.corpus.root)} "
          f"({line_count(chosen)} lines):")
    print(sides.line("interpreter start-up (-c pass)", "startup"))
    print(f"  {'file floor (read + ast.parse)':34}{floor:9.4f} s")
    print(f"  {'allowed: start-up + 3x floor':34}{allowed:9.2f} s")
    print(sides.line("budgetlint check, empty file", "empty"))
    print(sides.line("budgetlint check, this file", "file",
                     f"   ratio {ratio:5.2f}x of allowed (target <= 1x)"))
    print(sides.line("  edited, models cached", "edited",
                     f"   ratio {sides.cpu('edited') / allowed:5.2f}x of allowed"))


def synthetic_module(functions: int) -> str:
    """Budget-dense code: every function moves, splits, reserves and spawns."""
    head = "import asyncio\nfrom budgetlint import Budget, Reservation\n\n\n"
    body = '''
async def worker_{i}(q: str, budget: Budget) -> None:
    r = budget.reserve(usd=0.01)
    try:
        await asyncio.sleep(0)
        r.commit(usd=0.005)
    except ValueError:
        r.release()
        raise


async def orchestrate_{i}(qs: list[str], flag: bool) -> None:
    b = Budget(usd=5)
    kids = b.split_even(len(qs))
    await asyncio.gather(*[worker_{i}(q, k) for q, k in zip(qs, kids)])
    for attempt in range(3):
        child = b.split(usd=0.5)
        if flag:
            await worker_{i}("x", child)
            continue
        b.reclaim(child)
    owner = b.delegate()
    owner.close()
'''
    return head + "".join(body.format(i=i) for i in range(functions))


def section_synthetic(bench: Bench) -> None:
    factors = (1, 2, 4) if bench.quick else (1, 2, 4, 8)
    empty = empty_file(bench)
    paths = {}
    for factor in factors:
        paths[factor] = bench.folder / f"synthetic_{factor}.py"
        paths[factor].write_text(synthetic_module(50 * factor), encoding="utf-8")
    sides = Sides()
    for _ in range(3 * bench.rounds):
        sides.add("empty", bench.run(check(bench, str(empty))))
        for factor in factors:
            sides.add(str(factor), bench.run(check(bench, str(paths[factor])), timeout=bench.limit))
    print("CLI on a synthetic budget-dense module (minus the CLI on an empty file):")
    base: float | None = None
    for factor in factors:
        result = sides.best[str(factor)]
        lines = line_count(paths[factor])
        if result.returncode is None:
            print(f"  {lines:6d} lines  stopped at the {bench.limit:.0f} s limit")
            break
        per_line = max(result.cpu - sides.cpu("empty"), 1e-6) / lines * 1e6
        base = base or per_line
        print(f"  {lines:6d} lines  {result.cpu:7.2f} s  {per_line:6.1f} us/line  "
              f"({per_line / base:4.2f}x of the 1x rate)")


def _parsed(files: Iterable[Path]) -> list[tuple[ast.Module, str, list[str]]]:
    out = []
    for path in files:
        try:
            text = path.read_text("utf-8")
            out.append((ast.parse(text), str(path), text.splitlines(keepends=True)))
        except (SyntaxError, ValueError, UnicodeDecodeError):
            continue
    return out


def section_plugins(bench: Bench) -> None:
    from bugbear import BugBearChecker  # type: ignore[import-untyped]

    from budgetlint.flake8_plugin import Flake8Checker

    inputs = _parsed(bench.files)

    def drive(checker: Callable[..., object]) -> Callable[[], None]:
        def go() -> None:
            for tree, filename, lines in inputs:
                for _ in checker(tree=tree, filename=filename, lines=lines).run():  # type: ignore[attr-defined]
                    pass
        return go

    ours = best_of(bench.rounds, drive(Flake8Checker))
    bugbear = best_of(bench.rounds, drive(BugBearChecker))
    print(f"flake8 plugins on the same {len(inputs)} pre-parsed adopter files (in process):")
    print(f"  flake8-bugbear adds        {bugbear:8.2f} s")
    print(f"  budgetlint (BUD) adds      {ours:8.2f} s   ratio {ours / bugbear:5.2f}x "
          "of bugbear")


GOOD = adopter.IMPORT + adopter.DEMO
BAD = """from budgetlint import Budget


def moved() -> None:
    budget = Budget(usd=1)
    owner = budget.delegate()
    budget.spend(usd=1)
    owner.close()
"""
WHERE = """
import budgetlint, importlib.resources
print(budgetlint.__file__)
print(importlib.resources.files("budgetlint._stubs"))
"""


def snapshot(folder: Path) -> tuple[Path, dict[str, str]]:
    """A copy of budgetlint and its models (``mypy_plugin.freeze_budgetlint``),
    first on every child's ``PYTHONPATH``: the whole run measures one version
    of the code, however the checkout changes meanwhile."""
    import mypy_plugin  # imports this module as ``check``: not at the top

    frozen = mypy_plugin.freeze_budgetlint(folder)
    if (frozen / "stubs").is_dir():  # laid out as installed: else the editable
        (frozen / "stubs").rename(frozen / "budgetlint" / "_stubs")  # install finds stubs/
    return frozen, mypy_plugin.child_env(frozen)


def sane(bench: Bench) -> str | None:
    """Why the snapshot cannot be measured (it does not import from the
    snapshot, or misjudges a correct and a wrong file), or None."""
    where = bench.run([sys.executable, "-c", WHERE])
    paths = where.stdout.split()
    if where.returncode != 0 or len(paths) != 2 or not all(
            Path(p).is_relative_to(bench.frozen) for p in paths):
        return f"budgetlint is not imported from the snapshot: {where.stdout}{where.stderr}"
    for name, text, expected in (("good.py", GOOD, 0), ("bad.py", BAD, 1)):
        path = bench.folder / name
        path.write_text(text, encoding="utf-8")
        result = bench.run(check(bench, str(path)))
        if result.returncode != expected or (expected and "BUD001" not in result.stdout):
            return (f"budgetlint check {name}: exit {result.returncode}, expected {expected}:"
                    f"\n{result.stdout[-1500:]}{result.stderr[-1500:]}")
    return None


RUNNERS: dict[str, Callable[[Bench], None]] = {
    "cli": section_cli, "project": section_project, "flake8": section_flake8,
    "mypy": section_mypy,
    "branching": section_branching, "file": section_file, "synthetic": section_synthetic,
    "plugins": section_plugins,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("agents", nargs="?", type=Path,
                        default=ROOT / ".bench-corpus" / "agents")
    parser.add_argument("--quick", action="store_true",
                        help="every 8th adopter module, shorter functions")
    parser.add_argument("--rounds", type=int, default=1,
                        help="rounds of the corpus-wide sections (3x that for the small ones)")
    parser.add_argument("--only", default=",".join(SECTIONS),
                        help=f"sections to run, of {','.join(SECTIONS + OPTIONAL)}")
    parser.add_argument("--core", type=int, default=None, help="the core to run on")
    parser.add_argument("--limit", type=float, default=300,
                        help="seconds after which one generated-file check is stopped")
    args = parser.parse_args()
    chosen = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = set(chosen) - set(RUNNERS)
    if unknown:
        parser.error(f"unknown sections: {', '.join(sorted(unknown))}")
    if not args.agents.is_dir():
        sys.exit(f"no corpus at {args.agents}: "
                 "run bash ../shared/perf/make_corpus.sh .bench-corpus first")
    print(pin(args.core))
    start = time.perf_counter()
    agents = args.agents.resolve()
    corpus = adopter.build(agents, agents.parent / "adopter")
    files = corpus.modules[::8] if args.quick else corpus.modules
    lines = sum(line_count(p) for p in files)
    print(f"adopter corpus: {corpus.root} ({'rebuilt' if corpus.rebuilt else 'up to date'}; "
          f"{len(corpus.skipped)} modules skipped, do not parse)")
    print(f"  measured: {len(files)} modules, {lines} lines"
          f"{' (every 8th module: --quick)' if args.quick else ''}")
    targets = tuple(str(p) for p in files) if args.quick else (str(corpus.root),)
    with tempfile.TemporaryDirectory(prefix="budgetlint-bench-") as temp:
        folder = Path(temp)
        settings = folder / "pyproject.toml"
        settings.write_text("[tool.budgetlint]\n", encoding="utf-8")
        for attempt in range(1, 4):
            shutil.rmtree(folder / "frozen", ignore_errors=True)
            frozen, env = snapshot(folder)
            bench = Bench(corpus, tuple(files), targets, folder, settings, max(args.rounds, 1),
                          args.quick, args.limit, frozen, env)
            problem = sane(bench)
            if problem is None:
                break
            print(f"snapshot {attempt} of budgetlint unusable: {problem}", flush=True)
            if attempt == 3:
                sys.exit("no usable snapshot of budgetlint: the checkout is broken")
            time.sleep(30)
        commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                                capture_output=True, text=True, check=False).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "budgetlint",
                                "stubs"], capture_output=True, text=True, check=False).stdout
        print(f"budgetlint snapshot of {commit or 'an unknown commit'}"
              f"{' with uncommitted changes' if dirty else ''}, in {frozen}")
        for name in chosen:
            section_start = time.perf_counter()
            RUNNERS[name](bench)
            print(f"  ({name}: {time.perf_counter() - section_start:.0f} s)", flush=True)
    print(f"total {time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    main()
