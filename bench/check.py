"""Speed of the libcst checks, measured side by side in one run.

    python bench/check.py [CORPUS]      (default CORPUS=./.bench-corpus/agents)

Build the corpus first with ``../shared/perf/make_corpus.sh``. Prints:

1. ``budgetlint check CORPUS`` against the floor (read + ``ast.parse`` of the
   same files), both as fresh interpreter processes, best of three;
2. what each flake8 plugin adds: flake8 runs every installed plugin whatever
   ``--select`` says, so end-to-end flake8 timings cannot separate them.
   Instead each plugin's checker class is driven exactly as flake8 drives it
   (same tree, filename and lines, pre-parsed once) and timed alone:
   budgetlint's ``Flake8Checker`` against flake8-bugbear's ``BugBearChecker``;
3. the engine on a synthetic budget-dense module at 1x, 2x, 4x and 8x size:
   time per line should stay flat (linear scaling).

Nothing here is asserted: machines are shared and noisy; read the ratios.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path

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


def end_to_end(corpus: Path, files: list[Path]) -> None:
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as listing:
        listing.write("\n".join(str(p) for p in files))
    # Interleaved, so that both sides see the same (shared, noisy) machine.
    floors, checks = [], []
    for _ in range(3):
        floors.append(best_of(1, lambda: subprocess.run(
            [sys.executable, "-c", FLOOR, listing.name], check=True)))
        checks.append(best_of(1, lambda: subprocess.run(
            [sys.executable, "-m", "budgetlint.cli", "check", str(corpus)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)))
    floor, check = min(floors), min(checks)
    lines = sum(len(p.read_bytes().splitlines()) for p in files)
    print(f"corpus: {corpus} ({len(files)} files, {lines} lines)")
    print(f"  floor (read + ast.parse)   {floor:8.2f} s")
    print(f"  budgetlint check           {check:8.2f} s   ratio {check / floor:5.2f}x "
          "(target <= 3x)")


def _parsed(files: Iterable[Path]) -> list[tuple[ast.Module, str, list[str]]]:
    out = []
    for path in files:
        try:
            text = path.read_text("utf-8")
            out.append((ast.parse(text), str(path), text.splitlines(keepends=True)))
        except (SyntaxError, ValueError, UnicodeDecodeError):
            continue
    return out


def plugin_cost(files: list[Path]) -> None:
    from bugbear import BugBearChecker  # type: ignore[import-untyped]

    from budgetlint.flake8_plugin import Flake8Checker

    inputs = _parsed(files)

    def drive(checker: Callable[..., object]) -> Callable[[], None]:
        def run() -> None:
            for tree, filename, lines in inputs:
                for _ in checker(tree=tree, filename=filename, lines=lines).run():  # type: ignore[attr-defined]
                    pass
        return run

    ours = best_of(3, drive(Flake8Checker))
    bugbear = best_of(3, drive(BugBearChecker))
    print(f"flake8 plugins on the same {len(inputs)} pre-parsed files:")
    print(f"  flake8-bugbear adds        {bugbear:8.2f} s")
    print(f"  budgetlint (BUD) adds      {ours:8.2f} s   ratio {ours / bugbear:5.2f}x "
          "of bugbear (target < 1x)")


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


def scaling() -> None:
    from budgetlint.analysis import analyze_source
    from budgetlint.config import Settings
    from budgetlint.models.index import load_index

    settings = Settings()
    index = load_index(settings)
    print("engine on a synthetic budget-dense module:")
    base: float | None = None
    for factor in (1, 2, 4, 8):
        text = synthetic_module(50 * factor)
        lines = text.count("\n")
        seconds = best_of(3, lambda text=text: analyze_source(  # type: ignore[misc]
            text, "synthetic.py", "synthetic", settings, index))
        per_line = seconds / lines * 1e6
        base = base or per_line
        print(f"  {lines:6d} lines  {seconds:7.3f} s  {per_line:6.1f} us/line  "
              f"({per_line / base:4.2f}x of the 1x rate)")


def main() -> None:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / ".bench-corpus" / "agents"
    if not corpus.is_dir():
        sys.exit(f"no corpus at {corpus}: run ../shared/perf/make_corpus.sh first")
    files = python_files(corpus)
    end_to_end(corpus, files)
    plugin_cost(files)
    scaling()


if __name__ == "__main__":
    main()
