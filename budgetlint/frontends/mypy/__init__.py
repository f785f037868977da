"""The mypy front end: a type-checked mypy module in, the ownership IR out.

:func:`analyze_module` is what the mypy plugin runs once per module after
mypy has checked it: lower the module with mypy's types as the type facts
(:mod:`.lower`, :mod:`.facts`), run the one flow analysis, and return the
findings. ``tests/mypy_batch.py`` runs mypy with the plugin over many files
at once (the corpus harness).
"""

from __future__ import annotations

from collections.abc import Mapping

from mypy.nodes import Expression, FuncDef, MypyFile
from mypy.types import Type

from budgetlint.config import Settings
from budgetlint.engine.flow import Finding, analyze
from budgetlint.frontends.mypy.facts import (
    MypyFacts,
    MypyIndex,
    record_class_facts,
)
from budgetlint.frontends.mypy.lower import lower_module, lower_target

__all__ = [
    "MypyIndex",
    "analyze_module",
    "analyze_target",
    "record_class_facts",
]


def analyze_module(file: MypyFile, types: Mapping[Expression, Type], index: MypyIndex,
                   settings: Settings) -> list[Finding]:
    """Every finding in ``file``, before select/ignore filtering. ``types``
    is mypy's type map of the module. A module in which no value, name or
    signature is affine or linear is not lowered at all (most modules)."""
    facts = MypyFacts(index, types.get, file)
    if not facts.may_own(file, types.values()):
        return []
    return analyze(lower_module(file, facts, file.path), settings)


def analyze_target(file: MypyFile, target: FuncDef | None, types: Mapping[Expression, Type],
                   index: MypyIndex, settings: Settings) -> list[Finding]:
    """The findings in one ``dmypy`` target of ``file`` (a function or
    method; ``None``: the module's top level), before filtering."""
    unit = lower_target(file, target, MypyFacts(index, types.get, file), file.path)
    return analyze(unit, settings)
