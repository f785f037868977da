"""Spawner calls: which places reach new tasks, and which reach several.

A spawner is a callee whose model has a
:class:`~budgetlint.models.types.SpawnSpec` (SPEC 5, Spawning). For each
argument bound to one of its spawning parameters the front end classifies
the argument's syntax into a :class:`Shape` and lists the places the new
task(s) will hold (:class:`SpawnArg`); :func:`plan_sends` decides which
:class:`~budgetlint.engine.ir.Send` events the call makes and which of them
are fan-out within the call. The front end emits them after the call's
other argument events, ``awaited`` when the call is the operand of
``await``, the receiver of a join (:func:`is_join`), or itself waits for
its tasks (:attr:`SpawnSpec.joined`).

Standard library only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Final

from budgetlint.engine import ir
from budgetlint.models.types import Param, ParamKind, SpawnSpec

TASK_TYPES: Final = frozenset({"typing.Coroutine", "typing.Awaitable", "typing.Callable"})
"""Parameter types that take what the task runs, rather than a value for it."""

JOIN_METHOD: Final = "result"
"""``spawner(...).result()`` waits for the task in the same expression
(``Future.result``): the send is a borrow (SPEC 5, Spawning)."""


class Shape(Enum):
    """What an argument of a spawning parameter looks like, and what it sends."""

    PLACE = "place"
    """``b``: the value itself."""
    CALL = "call"
    """``w(q, b)`` or ``partial(w, b)``: the places passed directly to it
    (and its receiver); the callee's own parameter types do not matter,
    the task holds them."""
    DISPLAY = "display"
    """``args=(q, b)``, ``kwargs={"b": b}``: each element that is a place."""
    CLOSURE = "closure"
    """A lambda or nested function: its captures."""
    COMPREHENSION = "comprehension"
    """``*[w(q, b) for q in qs]``: one task per item. If the element is
    what the task runs (:func:`runs_in_task`), the outer places passed
    directly to it (``b``, not ``b`` in ``w(q, b.split())``, whose split
    is made here); otherwise every outer place read inside."""
    OTHER = "other"
    """Anything else: lowered as an ordinary read, sends nothing."""


@dataclass(frozen=True)
class Reach:
    """A place a new task will hold, and the site of the expression naming it."""

    place: str
    site: ir.Site


@dataclass(frozen=True)
class SpawnArg:
    """One argument bound to a spawning parameter, reduced to its reaches."""

    param: Param
    shape: Shape
    reaches: tuple[Reach, ...] = ()


@dataclass
class TaskCall:
    """A call handed to the spawning parameter ``param`` (directly, or as
    the element of a starred comprehension), as the front end lowers it:
    whether it is what the task runs, and if so the places passed directly
    to it, which the task holds (:attr:`Shape.CALL`)."""

    param: Param
    runs_in_task: bool = False
    reaches: list[Reach] = field(default_factory=list)


@dataclass(frozen=True)
class PlannedSend:
    """One :class:`~budgetlint.engine.ir.Send` the spawner call makes."""

    place: str
    site: ir.Site
    fanout: bool


def plan_sends(spec: SpawnSpec, args: Sequence[SpawnArg]) -> list[PlannedSend]:
    """The sends of one spawner call, in argument order.

    A place reached by one argument is sent once (an argument is one task).
    It is fan-out within the call (BUD005 at once) when the argument is a
    starred comprehension (one task per item), when it is bound to a
    repeated parameter that takes one callable run per item (``map``'s
    ``fn``), or when two or more arguments of a repeated ``*args``
    parameter (``gather(w(b), w(b))``) reach it: then it is sent once, at
    its second reach.
    """
    per_task: list[tuple[SpawnArg, list[Reach]]] = []
    counts: dict[str, int] = {}
    for arg in args:
        reaches = _distinct(arg.reaches)
        per_task.append((arg, reaches))
        if _shares_tasks(spec, arg):
            for reach in reaches:
                counts[reach.place] = counts.get(reach.place, 0) + 1
    sends: list[PlannedSend] = []
    seen: dict[str, int] = {}
    for arg, reaches in per_task:
        many = arg.shape is Shape.COMPREHENSION or (
            arg.param.name in spec.repeated and arg.param.kind is not ParamKind.VAR_POSITIONAL
        )
        for reach in reaches:
            if not _shares_tasks(spec, arg) or counts[reach.place] < 2:
                sends.append(PlannedSend(reach.place, reach.site, many))
                continue
            seen[reach.place] = seen.get(reach.place, 0) + 1
            if seen[reach.place] == 2:
                sends.append(PlannedSend(reach.place, reach.site, True))
    return sends


def _shares_tasks(spec: SpawnSpec, arg: SpawnArg) -> bool:
    """One of several task arguments of a repeated ``*args`` parameter."""
    return arg.param.name in spec.repeated and arg.param.kind is ParamKind.VAR_POSITIONAL


def _distinct(reaches: Sequence[Reach]) -> list[Reach]:
    """The first reach of each place: one task holding ``b`` twice is one task."""
    out: list[Reach] = []
    places: set[str] = set()
    for reach in reaches:
        if reach.place not in places:
            places.add(reach.place)
            out.append(reach)
    return out


def runs_in_task(param: Param, *, callee_is_async: bool) -> bool:
    """Whether a call passed to the spawning parameter ``param`` is what the
    task runs, so that the places passed to the call reach the task
    (:attr:`Shape.CALL`): a coroutine (an ``async def`` called, or a
    parameter declared ``Coroutine``/``Awaitable``) or a callable
    (``partial(w, b)`` for a ``Callable`` parameter). Otherwise the call
    runs here and only its result is sent (``submit(f, b.split())``)."""
    if callee_is_async:
        return True
    annotation = param.annotation
    return annotation is not None and any(m.name in TASK_TYPES for m in annotation.members)


def is_join(method: str) -> bool:
    """Whether calling ``method`` on a spawner call's result waits for the task."""
    return method == JOIN_METHOD


def comprehension_reaches(nodes: Sequence[ir.Node], element: TaskCall | None) -> tuple[Reach, ...]:
    """The reaches of a starred comprehension (``*[w(q, b) for q in qs]``)
    lowered into the scratch block ``nodes``: those of its ``element`` call
    if that is what the tasks run, else every place the block touches;
    either way, only outer ones (the block's own targets are its own)."""
    bound: set[str] = set()
    touched: list[Reach] = []
    _scan(nodes, bound, touched)
    if element is not None and element.runs_in_task:
        touched = element.reaches
    return _outer(touched, bound)


def _bound_in(nodes: Sequence[ir.Node]) -> set[str]:
    """The places a block binds."""
    bound: set[str] = set()
    _scan(nodes, bound, [])
    return bound


def _outer(reaches: Sequence[Reach], bound: set[str]) -> tuple[Reach, ...]:
    return tuple(
        r for r in reaches if r.place not in bound and r.place.partition(".")[0] not in bound
    )


@dataclass(frozen=True)
class PendingTasks:
    """Calls made but not yet started, held by a local: the coroutines of
    ``async def`` calls (``first = w(q, b)``, ``tasks = [w(q, b) for q in
    qs]``, ``tasks.append(w(q, b))``) and the places they borrowed. Handing
    the local to a spawner (``gather(*tasks)``) starts them: it sends those
    places, as ``gather(*[w(q, b) for q in qs])`` would. (Places the calls
    took by move were moved when the calls were made.)"""

    reaches: tuple[Reach, ...]
    many: bool
    """Several calls: a comprehension, appends in a loop or repeated."""

    @staticmethod
    def of_comprehension(loop: ir.Loop, element: tuple[Reach, ...]) -> PendingTasks | None:
        """A comprehension (lowered as ``loop``) of calls that borrowed
        ``element``: one task per item, holding the outer places among them."""
        reaches = _outer(element, _bound_in([loop]))
        return PendingTasks(reaches, many=True) if reaches else None

    @staticmethod
    def append(
        held: PendingTasks | None, reaches: tuple[Reach, ...], loop: Sequence[ir.Node] | None
    ) -> PendingTasks:
        """``tasks.append(w(q, b))`` where ``tasks`` holds ``held``, inside
        the loop block ``loop`` if any: one more call; several once there
        were some already, or in a loop. A place the loop binds is another
        value on each iteration (``for kid in kids: tasks.append(w(kid))``),
        as a comprehension's targets are: the tasks do not share it."""
        if loop is not None:
            reaches = _outer(reaches, _bound_in(loop))
        if held is None:
            return PendingTasks(reaches, many=loop is not None)
        return PendingTasks(held.reaches + reaches, many=True)

    def spawn_arg(self, param: Param, site: ir.Site, *, star: bool) -> SpawnArg:
        """The local, at ``site``, handed to a spawner: ``*tasks`` starts one
        task per call (fan-out within the call, like a starred
        comprehension); ``first`` is one task. The sends happen here."""
        reaches = tuple(Reach(r.place, site) for r in self.reaches)
        return SpawnArg(param, Shape.COMPREHENSION if star and self.many else Shape.CALL, reaches)


def _scan(nodes: Sequence[ir.Node], bound: set[str], touched: list[Reach]) -> None:
    for node in nodes:
        if isinstance(node, ir.Bind):
            bound.add(node.place)
        elif isinstance(node, ir.Transfer):
            touched.append(Reach(node.src, node.site))
            if node.dst is not None:
                bound.add(node.dst)
        elif isinstance(node, (ir.Use, ir.Move, ir.Copy, ir.Send)):
            touched.append(Reach(node.place, node.site))
        elif isinstance(node, ir.If):
            _scan(node.body, bound, touched)
            _scan(node.orelse, bound, touched)
        elif isinstance(node, ir.Loop):
            for block in (node.head, node.body, node.orelse):
                _scan(block, bound, touched)
        elif isinstance(node, ir.Try):
            for block in (node.body, *(h.body for h in node.handlers), node.orelse,
                          node.finalbody):
                _scan(block, bound, touched)
        elif isinstance(node, ir.Match):
            for case in node.cases:
                _scan(case.body, bound, touched)
