"""The mypy front end: the one walker on a type-checked module, mypy's types as facts.

:func:`analyze_module` is what the mypy plugin runs once per module after
mypy has checked it: parse the module's source with ``ast`` (the tree mypy
built its nodes from), lower it with the one walker
(:mod:`budgetlint.lowering.walker`) on :class:`~.facts.MypyTypeFacts` (the
model facts refined by mypy's types), run the one flow analysis, and return
the findings. ``tests/mypy_batch.py`` runs mypy with the plugin over many
files at once (the corpus harness).
"""

from __future__ import annotations

import ast
import functools
import warnings
from collections.abc import Collection, Iterable, Mapping
from typing import Final

from mypy.nodes import (
    Block,
    ClassDef,
    Decorator,
    Expression,
    FuncBase,
    FuncDef,
    MypyFile,
    OverloadedFuncDef,
    Statement,
)
from mypy.types import Type

from budgetlint.config import Settings
from budgetlint.engine import ir
from budgetlint.frontends.mypy.facts import (
    MypyFacts,
    MypyIndex,
    MypyTypeFacts,
    TypedLines,
    record_class_facts,
)
from budgetlint.lowering.relevance import Span, related_statements, unrelated_statements
from budgetlint.lowering.walker import lower_tree, source_lines
from budgetlint.models.extract import extract_module
from budgetlint.rules.findings import Finding, analyze

__all__ = [
    "MypyIndex",
    "analyze_module",
    "analyze_target",
    "record_class_facts",
]


def analyze_module(file: MypyFile, types: Mapping[Expression, Type], index: MypyIndex,
                   settings: Settings, text: str, modules: dict[str, MypyFile]) -> list[Finding]:
    """Every finding in ``file`` (whose source is ``text``), before
    select/ignore filtering. ``types`` is mypy's type map of the module,
    ``modules`` every module of the build. A module in which no value,
    name or signature is affine or linear is not lowered at all (most
    modules)."""
    mypy = MypyFacts(index, types.get)
    typed = TypedLines(types, mypy)
    if not mypy.may_own(file, typed):
        return []
    # Only the statements that can hold a tracked value are parsed again:
    # mypy's tree tells where the module's statements are.
    lines = source_lines(text)
    spans = _spans(file.defs) or {}
    related = related_statements(
        lines, list(spans), {span: node.name for span, node in spans.items()
                             if isinstance(node, _DEFINITIONS)},
        index.model_words, typed.within) if spans else None
    if related is not None:
        tree, skip = ast.Module(body=related.body, type_ignores=[]), related.unrelated
        # What the model of an unparsed function would hold, mypy's own node tells.
        unparsed = [node for span in related.unparsed
                    if isinstance(node := spans[span], _FUNCTIONS)]
    else:
        parsed = _parse(file.path, text)
        if parsed is None:
            return []
        tree, lines = parsed
        skip = unrelated_statements(tree.body, lines, index.model_words, typed.within)
        unparsed = []
    return analyze(_lower(file, tree, lines, skip, mypy, types, modules, unparsed), settings)


def analyze_target(file: MypyFile, target: FuncDef | None, types: Mapping[Expression, Type],
                   index: MypyIndex, settings: Settings, text: str,
                   modules: dict[str, MypyFile]) -> list[Finding]:
    """The findings in one ``dmypy`` target of ``file`` (a function or
    method with the closures in it; ``None``: the module's top level),
    before filtering. The daemon asks again at every call it checks in the
    target: the source is parsed once, and only the top-level statement
    holding the target is lowered."""
    parsed = _parse(file.path, text)
    if parsed is None:
        return []
    tree, lines = parsed
    if target is None:
        held: ast.stmt | None = None
    else:
        held = next((s for s in tree.body
                     if s.lineno <= target.line <= (s.end_lineno or s.lineno)), None)
    # The module's top level is its statements without the definitions;
    # a function or method is the one top-level statement holding it.
    skip = [s for s in tree.body if s is not held and (
        held is not None or isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)))]
    unit = _lower(file, tree, lines, skip, MypyFacts(index, types.get), types, modules)
    if target is None:
        unit.functions = unit.functions[:1]  # the module's own body comes first
    else:
        last = target.end_line or target.line
        unit.functions = [f for f in unit.functions[1:] if target.line <= f.site.line <= last]
    return analyze(unit, settings)


_FUNCTIONS: Final = (FuncDef, Decorator, OverloadedFuncDef)
_DEFINITIONS: Final = (*_FUNCTIONS, ClassDef)


def _spans(defs: list[Statement]) -> dict[Span, Statement] | None:
    """The top-level statements ``defs`` of mypy's tree by their first and
    last lines, decorators included, in order; ``None`` if they are
    wrapped in a block (a ``# type: ignore`` above the first one)."""
    spans: dict[Span, Statement] = {}
    for node in defs:
        if isinstance(node, Block):
            return None
        if isinstance(node, OverloadedFuncDef):
            parts: list[Statement] = [*node.items, *([node.impl] if node.impl else [])]
        else:
            parts = [node]
        firsts = [min([part.line, *[d.line for d in _decorators(part)]]) for part in parts]
        spans[(min(firsts), max(part.end_line or part.line for part in parts))] = node
    return spans


def _decorators(node: Statement) -> list[Expression]:
    """The decorators mypy keeps apart from the line of a definition: a
    class's (a decorated function's :class:`Decorator` starts at its first)."""
    return node.decorators if isinstance(node, ClassDef) else []


@functools.lru_cache(maxsize=4)
def _parse(path: str, text: str) -> tuple[ast.Module, list[str]] | None:
    """The ``ast`` tree and lines of a module's source; ``None`` when it does
    not parse (mypy reports that itself)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return ast.parse(text, filename=path), source_lines(text)
    except (SyntaxError, ValueError):
        return None


def _lower(file: MypyFile, tree: ast.Module, lines: list[str], skip: Collection[ast.stmt],
           mypy: MypyFacts, types: Mapping[Expression, Type], modules: dict[str, MypyFile],
           unparsed: Iterable[FuncBase | Decorator] = ()) -> ir.Unit:
    """The IR of ``file``'s bodies but those in ``skip``; the functions
    ``unparsed`` are modelled from mypy's nodes."""
    model = extract_module(tree, file.fullname, is_package=file.is_package_init_file(),
                           skip=skip)
    for node in unparsed:
        model.functions.setdefault(node.fullname, mypy.function_model(node))
    facts = MypyTypeFacts(mypy.index.for_module(model), model, mypy, types, modules)
    return lower_tree(tree, lines, facts, ir.Unit(file.path, file.fullname), skip)
