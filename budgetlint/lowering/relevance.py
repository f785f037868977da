"""Which top-level statements of a module can hold a tracked value at all.

Most functions of a module that uses budgets never touch one; lowering
them costs as much as lowering the ones that do. A definition can only
hold an affine or linear value that something written names: a class the
models declare (``Budget``), a function or class that returns, takes or
holds one, ``budgetlint`` itself, or a module-level name bound by a
statement that names one of those (``make_budget``, ``PLANNER_BUDGET``, a
class with a ``Budget`` field, its subclasses). :func:`unrelated_statements`
finds the others (definitions, and the module body's other statements)
by a fixpoint over the module's text: one regular expression search per
round, at C speed, for the names the last round added, its matches mapped
to the top-level statements whose lines hold them; no walk of the bodies.
A statement it leaves out has nothing to track: lowering it would emit no
event on a tracked place, and a class model of it holds nothing the walker
asks about. What a type checker knows beyond what is written is added by
the caller (``also``).

Standard library only.
"""

from __future__ import annotations

import ast
import bisect
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Final

ALWAYS: Final = frozenset({"NoReturn", "Never"})
"""Words that make a definition relevant whatever the models say: a
function that never returns changes the control flow of its callers."""

_DEFINITIONS: Final = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


def unrelated_statements(
    body: Sequence[ast.stmt],
    lines: Sequence[str],
    words: Iterable[str],
    also: Callable[[ast.stmt], bool] = lambda statement: False,
) -> set[ast.stmt]:
    """The top-level statements of ``body`` (a module's, whose source
    ``lines`` are given) that cannot hold or touch a tracked value: neither
    their text names one of ``words`` or a module-level name bound by a
    statement that does (to a fixpoint), nor ``also`` says they may."""
    known = set(words) | ALWAYS
    text = "\n".join(lines)
    spans = {s: _span(s) for s in body}
    hits = _lines_naming(text, known)
    found = [s for s in body if also(s) or _holds(hits, spans[s])]
    pending = [s for s in body if s not in found]
    while found and pending:
        # Only the names bound by the last round's finds can tie more.
        new = {name for statement in found for name in _bound_names(statement)} - known
        known |= new
        hits = _lines_naming(text, new) if new else []
        found = [s for s in pending if _holds(hits, spans[s])]
        pending = [s for s in pending if s not in found]
    return set(pending)


def _span(statement: ast.stmt) -> tuple[int, int]:
    first = statement.lineno
    if isinstance(statement, _DEFINITIONS) and statement.decorator_list:
        first = statement.decorator_list[0].lineno
    return first, statement.end_lineno or statement.lineno


def _holds(hits: Sequence[int], span: tuple[int, int]) -> bool:
    at = bisect.bisect_left(hits, span[0])
    return at < len(hits) and hits[at] <= span[1]


def _lines_naming(text: str, words: Iterable[str]) -> list[int]:
    """The sorted line numbers on which ``text`` holds one of ``words`` as a
    whole word. The pattern has no leading ``\\b``, which keeps the regular
    expression engine's fast scan for the words' first characters; the
    character before a match is checked instead."""
    pattern = re.compile("(?:" + "|".join(sorted(map(re.escape, words))) + r")\b")
    found: list[int] = []
    line, counted = 1, 0
    for match in pattern.finditer(text):
        start = match.start()
        if start == 0 or not (text[start - 1].isalnum() or text[start - 1] == "_"):
            line += text.count("\n", counted, start)  # matches come in order
            counted = start
            found.append(line)
    return found


def _bound_names(statement: ast.stmt) -> Iterator[str]:
    """The module-level names ``statement`` binds."""
    if isinstance(statement, _DEFINITIONS):
        yield statement.name
        return
    for node in ast.walk(statement):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            yield node.id
        elif isinstance(node, ast.alias):
            yield (node.asname or node.name).partition(".")[0]
        elif isinstance(node, _DEFINITIONS):
            yield node.name
