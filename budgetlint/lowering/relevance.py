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

A host that has parsed the module already (mypy) need not parse it again
whole: :func:`related_statements` takes the statements' lines from the
host's tree and parses only the related definitions and the other
statements, leaving a :func:`placeholder` for each definition it skips.

Standard library only.
"""

from __future__ import annotations

import ast
import bisect
import re
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Final, NamedTuple, TypeVar

ALWAYS: Final = frozenset({"NoReturn", "Never"})
"""Words that make a definition relevant whatever the models say: a
function that never returns changes the control flow of its callers."""

_DEFINITIONS: Final = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


Span = tuple[int, int]
"""A top-level statement's first and last line, its decorators included."""


def unrelated_statements(
    body: Sequence[ast.stmt],
    lines: Sequence[str],
    words: Iterable[str],
    also: Callable[[Span], bool] = lambda span: False,
) -> set[ast.stmt]:
    """The top-level statements of ``body`` (a module's, whose source
    ``lines`` are given) that cannot hold or touch a tracked value: neither
    their text names one of ``words`` or a module-level name bound by a
    statement that does (to a fixpoint), nor ``also`` says their span may."""
    spans = {s: _span(s) for s in body}

    def names(found: Sequence[ast.stmt]) -> Iterator[str]:
        for statement in found:
            yield from _bound_names(statement)

    return set(body) - set(_related(body, spans, "\n".join(lines), words, also, names))


class Related(NamedTuple):
    """What :func:`related_statements` parsed of a module."""

    body: list[ast.stmt]
    """The module's top-level statements, a :func:`placeholder` for each unparsed one."""
    unrelated: set[ast.stmt]
    """Those of ``body`` that :func:`unrelated_statements` gives."""
    unparsed: list[Span]
    """The definitions left as placeholders: the host models them itself."""


def related_statements(
    lines: Sequence[str],
    spans: Sequence[Span],
    definitions: Mapping[Span, str],
    words: Iterable[str],
    also: Callable[[Span], bool] = lambda span: False,
) -> Related | None:
    """A module's body and its :func:`unrelated_statements`, parsed
    without the unrelated definitions: ``spans`` are the module's
    top-level statements as a host's own parser found them (mypy's tree),
    in order, and ``definitions`` the names of those that define a
    function or a class. A definition is parsed only if related; an
    unrelated one is left as a :func:`placeholder` that binds its name
    where it stood. The other statements are always parsed (the module's
    model reads its imports and type variables wherever they are), at
    their own lines and columns. ``None`` when the spans do not cover the
    module's statements (a line between them holds code) or do not parse:
    parse the whole module then."""
    groups = _groups(spans)
    if groups is None or not _only_comments_between(lines, groups):
        return None
    parsed: dict[Span, list[ast.stmt]] = {}
    unparsed = {g for g in groups if g in definitions}

    def parse(wanted: Iterable[Span]) -> None:
        batch = sorted(g for g in wanted if g not in parsed)
        firsts = [first for first, _ in batch]
        for group in batch:
            parsed[group] = []
        for statement in _parse_lines(lines, batch):
            at = bisect.bisect_right(firsts, statement.lineno) - 1
            if at < 0 or statement.lineno > batch[at][1]:
                raise SyntaxError("the host's spans are not the statements")
            parsed[batch[at]].append(statement)
        if not all(parsed[group] for group in batch):
            raise SyntaxError("the host's spans are not the statements")
        unparsed.difference_update(batch)

    def names(found: Sequence[Span]) -> Iterator[str]:
        parse(found)
        for group in found:
            for statement in parsed[group]:
                yield from _bound_names(statement)

    try:
        parse(g for g in groups if g not in unparsed)
        found = set(_related(groups, {g: g for g in groups}, "\n".join(lines), words, also,
                             names))
        parse(found)  # the last round's finds were not asked what they bind
    except SyntaxError:
        return None
    body: list[ast.stmt] = []
    unrelated: set[ast.stmt] = set()
    for group in groups:
        held = [placeholder(definitions[group], group)] if group in unparsed else parsed[group]
        body += held
        if group not in found:
            unrelated.update(held)
    if any(len(held) > 1 for held in parsed.values()):
        # Statements sharing a line were found together: tell them apart.
        unrelated = unrelated_statements(body, lines, words, also)
    return Related(body, unrelated, sorted(unparsed))


def placeholder(name: str, span: Span) -> ast.stmt:
    """An unparsed definition of ``name``: an empty class, which binds the
    name as the definition did and which nothing models or lowers (it is
    unrelated, so callers skip it)."""
    node = ast.ClassDef(name=name, bases=[], keywords=[], body=[ast.Pass()], decorator_list=[])
    if "type_params" in ast.ClassDef._fields:  # Python 3.12 on (typeshed's view is 3.10's)
        setattr(node, "type_params", [])  # noqa: B010
    node.lineno, node.end_lineno = span
    node.col_offset = node.end_col_offset = 0
    return node


_Item = TypeVar("_Item", ast.stmt, Span)


def _related(items: Sequence[_Item], spans: Mapping[_Item, Span], text: str,
             words: Iterable[str], also: Callable[[Span], bool],
             names: Callable[[Sequence[_Item]], Iterable[str]]) -> list[_Item]:
    """The ``items`` (top-level statements, by their ``spans`` in ``text``)
    whose text names one of ``words``, or that ``also`` holds, or that name
    what the found ones bind (``names`` of a round's finds), to a fixpoint."""
    known = set(words) | ALWAYS
    hits = _lines_naming(text, known)
    found = [s for s in items if also(spans[s]) or _holds(hits, spans[s])]
    related = list(found)
    done = set(found)
    pending = [s for s in items if s not in done]
    while found and pending:
        # Only the names bound by the last round's finds can tie more.
        new = set(names(found)) - known
        known |= new
        hits = _lines_naming(text, new) if new else []
        found = [s for s in pending if _holds(hits, spans[s])]
        related += found
        done.update(found)
        pending = [s for s in pending if s not in done]
    return related


def _groups(spans: Sequence[Span]) -> list[Span] | None:
    """``spans`` merged where they share a line; ``None`` if out of order."""
    groups: list[Span] = []
    for first, last in spans:
        if groups and first <= groups[-1][1]:
            if first < groups[-1][0]:
                return None
            groups[-1] = (groups[-1][0], max(last, groups[-1][1]))
        else:
            groups.append((first, last))
    return groups


def _only_comments_between(lines: Sequence[str], groups: Sequence[Span]) -> bool:
    """Whether every line outside ``groups`` is blank or a comment."""
    after = 0
    for first, last in [*groups, (len(lines) + 1, 0)]:
        for line in lines[after:first - 1]:
            stripped = line.lstrip()
            if stripped and not stripped.startswith("#"):
                return False
        after = last
    return True


def _parse_lines(lines: Sequence[str], groups: Sequence[Span]) -> list[ast.stmt]:
    """The statements of the lines of ``groups`` (sorted), parsed at their
    own line numbers and columns: the other lines are left blank."""
    source: list[str] = []
    for first, last in groups:
        source += [""] * (first - 1 - len(source))
        source += lines[first - 1:last]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the host has warned already
        try:
            return ast.parse("\n".join(source)).body
        except ValueError as error:  # a NUL byte
            raise SyntaxError(str(error)) from None


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
