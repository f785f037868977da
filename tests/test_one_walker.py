"""Ownership is decided once: both kinds of facts give the walker the same IR.

Every case of the corpus is lowered by the one walker twice: on the model
facts (what the CLI, flake8 and pre-commit see) and, inside a real mypy run
with the plugin, on the mypy facts. The dumps (events, sites, checkpoints)
must be identical, except where mypy legitimately knows more, listed in
:data:`MYPY_KNOWS_MORE` with the reason. The front ends hold no ownership
logic of their own, which the import test at the end pins.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from corpus import REPO, collect, materialize

import budgetlint.frontends.mypy as mypy_front_end
from budgetlint.checking.source import lower_source
from budgetlint.config_loader import module_name, settings_for
from budgetlint.engine import ir
from budgetlint.lowering.dump import dump
from budgetlint.models.index import load_index

MYPY_KNOWS_MORE = {
    'cases/containers/popped_budget_moved.py':
        'dict.pop() returns the element type (typeshed)',
    'cases/linear/popped_reservation_unconsumed.py':
        'list.pop() returns the element type',
    'cases/agents/worker_queue_budget_moved.py':
        'asyncio.Queue.get() returns the element type',
    'cases/copy/copy_borrowed_param.py':
        'a TypeVar-typed result: copy.copy(x: T) -> T is solved by mypy',
    'cases/copy/copy_deepcopy.py':
        'a TypeVar-typed result: copy.copy(x: T) -> T is solved by mypy',
    'cases/copy/copy_imported_name.py':
        'a TypeVar-typed result: copy.copy(x: T) -> T is solved by mypy',
    'cases/copy/copy_module_level.py':
        'a TypeVar-typed result: copy.copy(x: T) -> T is solved by mypy',
    'cases/copy/copy_of_moved_is_bud001.py':
        'a TypeVar-typed result: copy.copy(x: T) -> T is solved by mypy',
    'cases/copy/copy_reservation.py':
        'a TypeVar-typed result: copy.copy(x: T) -> T is solved by mypy',
    'cases/agents/taskgroup_split_even_ok.py':
        'zip()/enumerate() items: typeshed generics mypy solves',
    'cases/flow_loops/for_target_fresh_each_iteration_silent.py':
        'zip()/enumerate() items: typeshed generics mypy solves',
    'cases/spawn/created_tasks_gathered_silent.py':
        'zip()/enumerate() items: typeshed generics mypy solves',
    'cases/spawn/taskgroup_split_even_silent.py':
        'zip()/enumerate() items: typeshed generics mypy solves',
    'examples/fixed_copied_budget.py':
        'zip()/enumerate() items: typeshed generics mypy solves',
    'examples/fixed_thread_pool_shared.py':
        'zip()/enumerate() items: typeshed generics mypy solves',
    'cases/flow_exprs/dict_comprehension_split_silent.py':
        'the type of a list comprehension (list[Budget]) is inferred by mypy',
    'cases/spawn/prebuilt_coroutines_silent.py':
        'the type of a list comprehension (list[Budget]) is inferred by mypy',
    'cases/projects/shop/agents/planner.py':
        "another module's signature: mypy reads it, the model facts cannot yet (issue 11)",
    'cases/projects/shop/agents/reviewer.py':
        "another module's return type: mypy reads it, the model facts cannot yet (issue 11)",
}
"""Cases whose IR differs because mypy sees a type nothing written gives."""

_TRACKED_BIND = re.compile(r"^\s*bind \S+ (?:affine|linear)", re.MULTILINE)


_WHOLE_PARSES: list[object] = []
"""What ``related_statements`` returned ``None`` for in the mypy run (the
plugin then parses the whole module again): filled by :func:`mypy_units`."""


@pytest.fixture(scope="module")
def mypy_units(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[Path, str]]:
    """The dump of the IR the mypy plugin lowered, by resolved file path."""
    from mypy_batch import check_corpus

    paths = materialize(collect(), tmp_path_factory.mktemp("catalog"))
    seen: dict[Path, str] = {}
    analyze, related = mypy_front_end.analyze, mypy_front_end.related_statements

    def record(unit: ir.Unit, settings: object) -> object:
        seen[Path(unit.path).resolve()] = dump(unit, checkpoints=True)
        return analyze(unit, settings)  # type: ignore[arg-type]

    def parsed(*args: object) -> object:
        found = related(*args)  # type: ignore[arg-type]
        if found is None:
            _WHOLE_PARSES.append(args[1])
        return found

    mypy_front_end.analyze = record  # type: ignore[assignment]
    mypy_front_end.related_statements = parsed  # type: ignore[assignment]
    try:
        check_corpus(list(paths.values()))
    finally:
        mypy_front_end.analyze, mypy_front_end.related_statements = analyze, related
    yield seen


def _model_dump(path: Path) -> str:
    settings = settings_for(path)
    text = path.read_text(encoding="utf-8")
    unit = lower_source(text, str(path), module_name(path), load_index(settings))
    return dump(unit, checkpoints=True)


def test_both_facts_give_the_same_ir(mypy_units: dict[Path, str],
                                     tmp_path: Path) -> None:
    paths = materialize(collect(), tmp_path)
    differ, compared = [], 0
    for case_id, path in paths.items():
        lowered = mypy_units.get(path.resolve())
        if lowered is None:
            continue  # mypy saw nothing affine in the module and lowered nothing
        compared += 1
        if (_model_dump(path) != lowered) != (case_id in MYPY_KNOWS_MORE):
            differ.append(case_id)
    assert compared > 400
    assert differ == []


def test_mypy_spans_are_the_statements(mypy_units: dict[Path, str]) -> None:
    """The plugin parses a module's related statements alone, where mypy's
    tree says they are; the test above proves the IR is the same as from
    the whole tree, and this one that the spans never failed to match."""
    assert mypy_units
    assert _WHOLE_PARSES == []


def test_mypy_lowers_every_case_that_tracks_something(mypy_units: dict[Path, str]) -> None:
    # A module the mypy plugin's prefilter skips must have nothing to track.
    for case in collect():
        if case.source is None:
            continue
        if _TRACKED_BIND.search(_model_dump(case.source)):
            assert case.source.resolve() in mypy_units, case.id


def test_front_ends_hold_no_ownership_logic() -> None:
    # Only the walker lowers: no front end imports the IR builder.
    front_ends = [REPO / "budgetlint" / name for name in
                  ("flake8_plugin.py", "mypy_plugin.py", "cli.py")]
    for package in ("frontends", "checking"):
        front_ends += sorted((REPO / "budgetlint" / package).rglob("*.py"))
    for path in front_ends:
        imported = {
            node.module for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.ImportFrom) and node.module
        }
        assert not imported & {"budgetlint.lowering.builder", "budgetlint.lowering.spawns",
                               "budgetlint.lowering.calls"}, path
