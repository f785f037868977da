"""Which top-level definitions of a module can hold a tracked value at all.

Most functions of a module that uses budgets never touch one; lowering
them costs as much as lowering the ones that do. A definition can only
hold an affine or linear value that something written names: a class the
models declare (``Budget``), a function returning one, ``budgetlint``
itself, or a module-level name bound by a statement that names one of
those (``make_budget``, ``PLANNER_BUDGET``, a class with a ``Budget`` field,
its subclasses). :func:`unrelated_definitions` finds the others by a
fixpoint over the text of the module's top-level statements: C-speed
regular expressions, no walk of the bodies. A definition it leaves out has
nothing to track, so lowering it would emit no event on a tracked place,
and its class model holds nothing the walker asks about; what a type
checker knows beyond what is written is added by the caller (``also``).

Standard library only.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Final

ALWAYS: Final = frozenset({"NoReturn", "Never"})
"""Words that make a definition relevant whatever the models say: a
function that never returns changes the control flow of its callers."""

_DEFINITIONS: Final = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


def unrelated_definitions(
    body: Sequence[ast.stmt],
    lines: Sequence[str],
    words: Iterable[str],
    also: Callable[[ast.stmt], bool] = lambda statement: False,
) -> set[ast.stmt]:
    """The ``def`` and ``class`` statements of ``body`` (a module's, whose
    source ``lines`` are given) that cannot hold a tracked value: neither
    their text names one of ``words`` or a module-level name bound by a
    statement that does (to a fixpoint), nor ``also`` says they may."""
    known = set(words) | ALWAYS
    pending = list(body)
    while True:
        pattern = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, known))) + r")\b")
        found = [s for s in pending if also(s) or pattern.search(_text(s, lines))]
        pending = [s for s in pending if s not in found]
        bound = {name for statement in found for name in _bound_names(statement)}
        if not found or bound <= known:
            return {s for s in pending if isinstance(s, _DEFINITIONS)}
        known |= bound


def _text(statement: ast.stmt, lines: Sequence[str]) -> str:
    first = statement.lineno - 1
    if isinstance(statement, _DEFINITIONS) and statement.decorator_list:
        first = statement.decorator_list[0].lineno - 1
    return "\n".join(lines[first:statement.end_lineno or statement.lineno])


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
