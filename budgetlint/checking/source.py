"""One decoded file in, unfiltered diagnostics out, on the model facts.

``ast.parse`` first (the floor every linter pays, and the syntax check that
turns bad input into one BUD900; flake8 hands its own tree), then a
prefilter: a file that names no affine class and imports nothing that
defines one cannot hold a tracked value, so it is not walked. Files that
pass are lowered by the one walker (:mod:`budgetlint.lowering.walker`) with
the model facts and analysed by the one flow engine. Filtering (select,
ignore, ``# noqa``) is the caller's job (:mod:`budgetlint.checking.selection`).
"""

from __future__ import annotations

import ast
import os
import re
import warnings
from functools import lru_cache

from budgetlint.config import Settings
from budgetlint.diagnostics import Diagnostic, bad_input
from budgetlint.engine import ir
from budgetlint.lowering.facts import TypeFacts
from budgetlint.lowering.relevance import unrelated_statements
from budgetlint.lowering.walker import lower_tree, source_lines
from budgetlint.models.extract import extract_module
from budgetlint.models.index import ModelIndex
from budgetlint.rules.findings import analyze


@lru_cache(maxsize=16)
def _prefilter(words: frozenset[str]) -> re.Pattern[str]:
    alternatives = "|".join(sorted(re.escape(word) for word in words))
    return re.compile(rf"\b(?:{alternatives})\b")


def mentions_budgets(text: str, index: ModelIndex) -> bool:
    """Whether ``text`` names any affine or linear class, or budgetlint.

    A substring test per word first: it is C-fast and rejects almost every
    file, where the word-boundary regex would scan each one at Python speed.
    """
    words = index.prefilter_words
    return any(word in text for word in words) and _prefilter(words).search(text) is not None


def _related(name: str, owning: frozenset[str]) -> bool:
    return any(name == m or m.startswith(name + ".") or name.startswith(m + ".")
               for m in owning)


def imports_budgets(tree: ast.Module, module: str, index: ModelIndex) -> bool:
    """Whether the file is, or imports, a module that defines or re-exports
    an affine or linear class (or a package above or below one). A word
    match alone is not enough: "Reservation" in an unrelated API costs no
    walk."""
    owning = index.ownership_modules
    if _related(module, owning):
        return True
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        else:
            continue
        if any(_related(name, owning) for name in names):
            return True
    return False


def analyze_source(
    text: str,
    path: str,
    module: str,
    settings: Settings,
    index: ModelIndex,
    tree: ast.Module | None = None,
) -> list[Diagnostic]:
    """Every finding in one file, before select/ignore/suppression.

    ``tree`` is ``text`` already parsed by ``ast`` (flake8 hands one to every
    plugin), saving the parse.
    """
    try:
        if tree is None:
            # The checked code's own warnings (invalid escapes...) are not ours.
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", SyntaxWarning)
                tree = ast.parse(text, filename=path)
    except SyntaxError as error:
        return [bad_input(path, f"syntax error: {error.msg}", error.lineno or 1,
                          max((error.offset or 1) - 1, 0))]
    except (RecursionError, MemoryError):
        return [bad_input(path, "nesting too deep to parse")]
    except ValueError as error:  # e.g. "source code string cannot contain null bytes"
        return [bad_input(path, str(error))]
    if not (mentions_budgets(text, index) and imports_budgets(tree, module, index)):
        return []
    try:
        findings = analyze(lower_source(text, path, module, index, tree=tree), settings)
    except RecursionError:
        return [bad_input(path, "nesting too deep to walk")]
    return [Diagnostic(path, f.site.line, f.site.col, f.code, f.message) for f in findings]


def lower_source(
    text: str, path: str, module: str, index: ModelIndex, *, tree: ast.Module | None = None
) -> ir.Unit:
    """The IR of module ``module`` (source ``text``, read from ``path``) on
    the model facts: ``index`` holds the models, to which the module's own,
    extracted from ``tree`` (``ast.parse(text)``, parsed here when not
    given), is added. Raises ``SyntaxError`` for code that does not parse."""
    if tree is None:
        with warnings.catch_warnings():
            # Invalid escape sequences and the like are the linted code's business.
            warnings.simplefilter("ignore")
            tree = ast.parse(text, filename=path)
    is_package = os.path.basename(path).startswith("__init__.")
    lines = source_lines(text)
    skip = unrelated_statements(tree.body, lines, index.model_words)
    model = extract_module(tree, module, is_package=is_package, skip=skip)
    facts = TypeFacts(index.with_module(model), model)
    return lower_tree(tree, lines, facts, ir.Unit(path, module), skip)
