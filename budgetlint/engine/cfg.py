"""Control-flow graph of one :class:`~budgetlint.engine.ir.Function`.

The structured IR is flattened into basic blocks of events. Jumps are
routed outwards through the enclosing frames the way Python runs them:

* ``break``/``continue`` go to the innermost loop, ``return`` to the normal
  exit, an explicit ``raise`` to the innermost ``try`` body's handlers or
  else to the raise exit;
* every ``finally`` on the way is run: a separate copy of the ``finally``
  body is built per kind of jump (return, break, continue, raise, implicit
  exception), shared by all jumps of that kind through that ``try``;
* inside a ``try`` body that has handlers, every statement
  (:class:`~budgetlint.engine.ir.Checkpoint`) may raise: an edge leaves from
  the state before it towards the handlers, so a handler starts from the
  join of the states before each statement of the body (SPEC 5).

Blocks no edge reaches are unreachable: the flow analysis never visits them,
so nothing after ``return``/``raise``/``NoReturn`` is reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from budgetlint.engine import ir

JumpKind = Literal["return", "break", "continue", "raise", "implicit"]


@dataclass
class Block:
    """A run of events with no branching inside."""

    events: list[ir.Event] = field(default_factory=list)
    succ: list[int] = field(default_factory=list)


@dataclass
class Graph:
    """The blocks of one function; block 0 is the entry."""

    blocks: list[Block]
    normal_exit: int
    """Reached by ``return`` and by falling off the end."""
    raise_exit: int
    """Reached by an explicit ``raise`` that leaves the function."""


@dataclass
class _Loop:
    head: int
    after: int


@dataclass
class _Handlers:
    """The body of a ``try`` with handlers: exceptions go to ``entry``."""

    entry: int


@dataclass
class _Finally:
    """A ``try`` with a ``finally`` body, with its per-jump-kind copies."""

    body: list[ir.Node]
    outer: tuple[_Frame, ...]
    copies: dict[JumpKind, int] = field(default_factory=dict)


_Frame = _Loop | _Handlers | _Finally


class _Builder:
    def __init__(self) -> None:
        self.blocks: list[Block] = [Block()]
        self.normal_exit = self.new()
        self.raise_exit = self.new()

    def new(self) -> int:
        self.blocks.append(Block())
        return len(self.blocks) - 1

    def edge(self, src: int, dst: int) -> None:
        self.blocks[src].succ.append(dst)

    # -- jumps -----------------------------------------------------------------

    def route(self, kind: JumpKind, src: int, frames: tuple[_Frame, ...]) -> None:
        """Connect ``src`` to where a jump of ``kind`` goes from inside ``frames``."""
        for depth in range(len(frames) - 1, -1, -1):
            frame = frames[depth]
            if isinstance(frame, _Loop) and kind in ("break", "continue"):
                self.edge(src, frame.after if kind == "break" else frame.head)
                return
            if isinstance(frame, _Handlers) and kind in ("raise", "implicit"):
                self.edge(src, frame.entry)
                return
            if isinstance(frame, _Finally):
                self.edge(src, self._finally_copy(frame, kind))
                return
        if kind == "return":
            self.edge(src, self.normal_exit)
        elif kind == "raise":
            self.edge(src, self.raise_exit)
        # An implicit exception leaving the function checks nothing.

    def _finally_copy(self, frame: _Finally, kind: JumpKind) -> int:
        """The entry of the copy of ``frame``'s finally body run for ``kind``."""
        if kind not in frame.copies:
            entry = self.new()
            frame.copies[kind] = entry
            end = self.seq(frame.body, entry, frame.outer)
            if end is not None:
                self.route(kind, end, frame.outer)
        return frame.copies[kind]

    # -- structure -------------------------------------------------------------

    def seq(self, nodes: list[ir.Node], cur: int, frames: tuple[_Frame, ...]) -> int | None:
        """Build ``nodes`` from block ``cur``; the block where control falls
        out, or ``None`` when no path does."""
        for node in nodes:
            nxt = self.node(node, cur, frames)
            if nxt is None:
                return None
            cur = nxt
        return cur

    def node(self, node: ir.Node, cur: int, frames: tuple[_Frame, ...]) -> int | None:
        if isinstance(node, ir.Checkpoint):
            return self._checkpoint(cur, frames)
        if isinstance(node, ir.If):
            return self._if(node, cur, frames)
        if isinstance(node, ir.Loop):
            return self._loop(node, cur, frames)
        if isinstance(node, ir.Try):
            return self._try(node, cur, frames)
        if isinstance(node, ir.Match):
            ends = [self.seq(case.body, self._branch(cur), frames) for case in node.cases]
            if not node.exhaustive:
                ends.append(cur)
            return self._join(ends)
        if isinstance(node, ir.Return):
            self.route("return", cur, frames)
            return None
        if isinstance(node, ir.Raise):
            self.route("raise", cur, frames)
            return None
        if isinstance(node, ir.Break):
            self.route("break", cur, frames)
            return None
        if isinstance(node, ir.Continue):
            self.route("continue", cur, frames)
            return None
        if isinstance(node, ir.Halt):
            return None
        self.blocks[cur].events.append(node)
        return cur

    def _if(self, node: ir.If, cur: int, frames: tuple[_Frame, ...]) -> int | None:
        """Both branches, joined. An ``elif`` ladder (an ``If`` ending the
        ``orelse`` of an ``If``) is followed in a loop, thousands long, and
        all its arms meet in one join (the same states: joins are unions)."""
        ends: list[int | None] = []
        while True:
            ends.append(self.seq(node.body, self._branch(cur), frames))
            rest = node.orelse
            if not (rest and isinstance(rest[-1], ir.If)):
                ends.append(self.seq(rest, self._branch(cur), frames))
                return self._join(ends)
            before = self.seq(rest[:-1], self._branch(cur), frames)
            if before is None:
                return self._join(ends)
            cur, node = before, rest[-1]

    def _branch(self, cur: int) -> int:
        start = self.new()
        self.edge(cur, start)
        return start

    def _join(self, ends: list[int | None]) -> int | None:
        live = [end for end in ends if end is not None]
        if not live:
            return None
        after = self.new()
        for end in live:
            self.edge(end, after)
        return after

    def _checkpoint(self, cur: int, frames: tuple[_Frame, ...]) -> int:
        # Only a handler can observe the state an exception leaves with;
        # without one outside, an implicit exception checks nothing.
        if not any(isinstance(frame, _Handlers) for frame in frames):
            return cur
        self.route("implicit", cur, frames)
        return self._branch(cur)

    def _loop(self, loop: ir.Loop, cur: int, frames: tuple[_Frame, ...]) -> int | None:
        head = self._branch(cur)
        after = self.new()
        head_end = self.seq(loop.head, head, frames)
        if head_end is None:
            return None
        body_end = self.seq(loop.body, self._branch(head_end), (*frames, _Loop(head, after)))
        if body_end is not None:
            self.edge(body_end, head)
        if loop.can_exit:
            else_end = self.seq(loop.orelse, self._branch(head_end), frames)
            if else_end is not None:
                self.edge(else_end, after)
        return after

    def _try(self, node: ir.Try, cur: int, frames: tuple[_Frame, ...]) -> int | None:
        inner = frames
        if node.finalbody:
            inner = (*frames, _Finally(node.finalbody, frames))
        entry = self.new() if node.handlers else None
        body_frames = inner if entry is None else (*inner, _Handlers(entry))
        body_end = self.seq(node.body, self._branch(cur), body_frames)
        ends = [None if body_end is None else self.seq(node.orelse, body_end, inner)]
        if entry is not None:
            ends += [self.seq(h.body, self._branch(entry), inner) for h in node.handlers]
        after = self._join(ends)
        if after is None or not node.finalbody:
            return after
        return self.seq(node.finalbody, after, frames)


def build(function: ir.Function) -> Graph:
    """The control-flow graph of ``function``'s body."""
    builder = _Builder()
    end = builder.seq(function.body, 0, ())
    if end is not None:
        builder.edge(end, builder.normal_exit)
    return Graph(builder.blocks, builder.normal_exit, builder.raise_exit)
