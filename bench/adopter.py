"""The adopter corpus: the agent frameworks as if they had adopted budgetlint.

    python bench/adopter.py [AGENTS] [DEST]   (defaults ./.bench-corpus/agents,
                                               ./.bench-corpus/adopter)

Every module of AGENTS (built by ``../shared/perf/make_corpus.sh``) is copied
to DEST with ``from budgetlint import Budget`` added after its docstring and
``__future__`` imports, and one small function appended that creates, splits
and delegates a Budget (correct code: it must give no finding). Other files
are copied as they are; modules that do not parse are left out. The build is
deterministic (sorted order, no randomness) and is redone only when DEST is
missing or was built from other sources or by another version of this file.
"""

from __future__ import annotations

import ast
import hashlib
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VERSION = "1"
"""Bump when the transformation changes: the stamp then differs."""
IMPORT = "from budgetlint import Budget\n"
SPEND = "    child.spend(usd=0.01)\n"
DEMO = (
    "\n\ndef _budgetlint_adopter_demo() -> None:\n"
    "    budget = Budget(usd=1)\n"
    "    child = budget.split(usd=0.5)\n"
    f"{SPEND}"
    "    owner = budget.delegate()\n"
    "    owner.close()\n"
)
STAMP = ".adopter-stamp"


@dataclass(frozen=True)
class Adopter:
    """A built adopter corpus."""

    root: Path
    modules: tuple[Path, ...]
    """The transformed modules, in sorted order."""
    skipped: tuple[Path, ...]
    """Source modules left out because they do not parse."""
    rebuilt: bool


def _is_docstring(node: ast.stmt) -> bool:
    return (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str))


def adopt(text: str) -> str | None:
    """``text`` with the import and the demo function, or None if it does not parse."""
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError):
        return None
    body = tree.body
    index = 1 if body and _is_docstring(body[0]) else 0
    while (index < len(body) and isinstance(body[index], ast.ImportFrom)
           and body[index].module == "__future__"):  # type: ignore[attr-defined]
        index += 1
    lines = text.splitlines(keepends=True)
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    tail = "" if not text or text.endswith(("\n", "\r")) else newline
    demo = DEMO.replace("\n", newline)
    if index < len(body):
        first = body[index]
        decorators = getattr(first, "decorator_list", [])
        start = min([first.lineno, *(d.lineno for d in decorators)])
        previous_end = (body[index - 1].end_lineno or 0) if index else 0
        if previous_end < start:  # the first statement starts a line of its own
            lines.insert(start - 1, IMPORT.replace("\n", newline))
            return "".join(lines) + tail + demo
    return text + tail + IMPORT.replace("\n", newline) + demo


def _parses(text: str) -> bool:
    try:
        ast.parse(text)
    except (SyntaxError, ValueError):
        return False
    return True


def _stamp(agents: Path, sources: list[Path]) -> str:
    digest = hashlib.sha256()
    digest.update(VERSION.encode() + IMPORT.encode() + DEMO.encode())
    for path in sources:
        digest.update(str(path.relative_to(agents)).encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def build(agents: Path, dest: Path) -> Adopter:
    """The adopter copy of ``agents`` at ``dest``, rebuilt if missing or stale."""
    sources = sorted(p for p in agents.rglob("*") if p.is_file())
    stamp = _stamp(agents, sources)
    stamp_file = dest / STAMP
    rebuilt = not (stamp_file.is_file() and stamp_file.read_text("utf-8") == stamp)
    if rebuilt:
        work = dest.with_name(dest.name + ".partial")
        shutil.rmtree(work, ignore_errors=True)
        for path in sources:
            target = work / path.relative_to(agents)
            target.parent.mkdir(parents=True, exist_ok=True)
            if path.suffix != ".py":
                shutil.copyfile(path, target)
                continue
            try:
                text = path.read_bytes().decode("utf-8")
            except UnicodeDecodeError:
                continue
            adopted = adopt(text)
            if adopted is not None and _parses(adopted):
                target.write_bytes(adopted.encode("utf-8"))
        (work / STAMP).write_text(stamp, "utf-8")
        shutil.rmtree(dest, ignore_errors=True)
        work.rename(dest)
    modules: list[Path] = []
    skipped: list[Path] = []
    for path in sources:
        if path.suffix == ".py":
            target = dest / path.relative_to(agents)
            if target.is_file():
                modules.append(target)
            else:
                skipped.append(path)
    return Adopter(dest, tuple(modules), tuple(skipped), rebuilt)


def main() -> None:
    agents = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / ".bench-corpus" / "agents"
    dest = Path(sys.argv[2]) if len(sys.argv) > 2 else agents.parent / "adopter"
    adopter = build(agents, dest)
    lines = sum(len(p.read_bytes().splitlines()) for p in adopter.modules)
    state = "built" if adopter.rebuilt else "up to date"
    print(f"{adopter.root}: {state}, {len(adopter.modules)} modules, {lines} lines, "
          f"{len(adopter.skipped)} skipped (do not parse)")


if __name__ == "__main__":
    main()
