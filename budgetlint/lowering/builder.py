"""Building one :class:`~budgetlint.engine.ir.Function` body.

A front end walks its AST in evaluation order and calls :meth:`Builder.emit`;
control flow opens nested blocks (:meth:`Builder.into`). The builder also
remembers every place that is bound to an affine value, so that
:meth:`Builder.finish` can drop the ``Bind(place, None)`` events a front end
emits for rebindings of names that are never tracked (the common case:
every plain ``x = 1``), and emitted events can be replaced later when a
closure turns out to escape (:meth:`Builder.replace`).

Standard library only.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from budgetlint.engine import ir
from budgetlint.lowering import how


def discard(label: str, site: ir.Site, type_name: str) -> list[ir.Event]:
    """The events of a linear value an expression statement creates and
    nobody holds (``b.reserve(usd=1)`` alone): it leaks where it is made
    (BUD004 on that line), whatever follows, even a loop that never ends."""
    place = how.discarded(label)
    return [
        ir.Bind(place, site, ir.Kind.LINEAR, type_name=type_name),
        ir.Drop(place, site, discarded=True),
    ]


@dataclass(frozen=True)
class Slot:
    """Where an emitted node sits: its block and index (see :meth:`Builder.replace`)."""

    block: list[ir.Node]
    index: int


class Builder:
    """Appends IR nodes to the block being built.

    Blocks nest: ``with builder.into(if_node.body): ...`` makes the ``if``
    body the current block until the ``with`` ends.
    """

    def __init__(self) -> None:
        self.body: list[ir.Node] = []
        self.block: list[ir.Node] = self.body
        self.tracked: set[str] = set()
        """Places bound to an affine value somewhere in this body."""
        self._loop_blocks: dict[int, list[ir.Node]] = {}
        """Loop heads and bodies by id (holding them keeps the ids unique)."""
        self._loops: list[list[ir.Node]] = []
        """The loop heads and bodies being built, innermost last."""

    def emit(self, node: ir.Node) -> Slot:
        """Append ``node`` to the current block; returns where it went."""
        if isinstance(node, ir.Bind) and node.kind is not None:
            self.tracked.add(node.place)
        elif isinstance(node, ir.Transfer) and node.dst is not None:
            self.tracked.add(node.dst)
        self.block.append(node)
        return Slot(self.block, len(self.block) - 1)

    def replace(self, slot: Slot, node: ir.Event) -> None:
        """Put ``node`` where an earlier event was emitted (a closure
        capture that turns out to escape becomes a move at its definition)."""
        slot.block[slot.index] = node

    @contextmanager
    def into(self, block: list[ir.Node]) -> Iterator[None]:
        """Make ``block`` the current block inside the ``with``."""
        outer = self.block
        self.block = block
        looping = id(block) in self._loop_blocks
        if looping:
            self._loops.append(block)
        try:
            yield
        finally:
            self.block = outer
            if looping:
                self._loops.pop()

    def innermost_loop(self) -> list[ir.Node] | None:
        """The innermost loop head or body being built, if any."""
        return self._loops[-1] if self._loops else None

    def open_if(self) -> ir.If:
        """Emit an empty :class:`~ir.If` to fill with :meth:`into`."""
        node = ir.If()
        self.emit(node)
        return node

    def open_loop(self, *, can_exit: bool = True) -> ir.Loop:
        """Emit an empty :class:`~ir.Loop` to fill with :meth:`into`."""
        node = ir.Loop(can_exit=can_exit)
        self.emit(node)
        self._loop_blocks.update({id(node.head): node.head, id(node.body): node.body})
        return node

    def open_try(self) -> ir.Try:
        """Emit an empty :class:`~ir.Try` to fill with :meth:`into`."""
        node = ir.Try()
        self.emit(node)
        return node

    def open_match(self) -> ir.Match:
        """Emit an empty :class:`~ir.Match`; add :class:`~ir.Case` objects to it."""
        node = ir.Match()
        self.emit(node)
        return node

    def finish(self, entry: list[ir.Node]) -> list[ir.Node]:
        """The finished body: ``entry`` (function-entry binds, known only
        after the walk) followed by everything emitted, without the
        ``Bind(place, None)`` of places that are never tracked."""
        for node in entry:
            if isinstance(node, ir.Bind) and node.kind is not None:
                self.tracked.add(node.place)
        covered = set(self.tracked)
        for place in self.tracked:
            # A rebinding of ``ctx`` matters when ``ctx.budget`` is tracked.
            head, _, _ = place.rpartition(".")
            while head:
                covered.add(head)
                head, _, _ = head.rpartition(".")
        return _prune(entry + self.body, covered)


def _prune(nodes: list[ir.Node], tracked: set[str]) -> list[ir.Node]:
    """``nodes`` without ``Bind(place, None)`` for places outside ``tracked``,
    in every nested block (an explicit stack: an ``elif`` ladder nests
    thousands deep)."""
    top = _kept(nodes, tracked)
    stack = [top]
    while stack:
        for node in stack.pop():
            for owner, attr in _blocks(node):
                kept = _kept(getattr(owner, attr), tracked)
                setattr(owner, attr, kept)
                stack.append(kept)
    return top


def _kept(nodes: list[ir.Node], tracked: set[str]) -> list[ir.Node]:
    return [node for node in nodes if not (
        isinstance(node, ir.Bind) and node.kind is None and node.place not in tracked)]


def _blocks(node: ir.Node) -> list[tuple[object, str]]:
    """The blocks directly inside ``node``, as (object, attribute) pairs."""
    if isinstance(node, ir.If):
        return [(node, "body"), (node, "orelse")]
    if isinstance(node, ir.Loop):
        return [(node, "head"), (node, "body"), (node, "orelse")]
    if isinstance(node, ir.Try):
        return [(node, "body"), *((h, "body") for h in node.handlers), (node, "orelse"),
                (node, "finalbody")]
    if isinstance(node, ir.Match):
        return [(case, "body") for case in node.cases]
    return []
