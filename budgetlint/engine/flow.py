"""The one ownership flow analysis, and the violations it finds.

For each place the state holds the set of *facts* that may be true on some
path reaching a point: :class:`Live` (the place holds a usable value) or
:class:`Gone` (its value was moved, consumed, sent, dropped or settled at a
site). A use that meets a ``Gone`` fact is an error: definite when every
path moved it, "may have been moved" when a ``Live`` fact is there too, and
"moved in previous iteration of loop" at a move that meets its own earlier
move. Facts only grow at joins (up to a bound, below) and every event maps
facts one by one, so the fixpoint over loop back edges exists and is reached
quickly; each block reports once, from its converged state.

After an error the offending ``Gone`` facts are marked reported, so a chain
of uses after one move reports the first use on each path only (SPEC 6).
Like mypy's ``partially_defined.py`` this is a must/may analysis, but over a
real CFG (:mod:`budgetlint.engine.cfg`) with loop back edges.

The cost stays close to linear in a function's length. A place keeps at
most :data:`SITES_KEPT` ``Gone`` facts per kind of fact (the earliest
sites): without a bound, a name consumed on many branches and never used
again carried one fact per branch through the rest of the function, and
every join and every rebinding walked them all. (Fields of ``self`` keep
every site: each is a BUD007 at the exit.) Blocks run in a weak
topological order (:func:`_block_order`): a loop's blocks are contiguous
after its head, so a loop converges before the code after it runs, and a
block outside loops runs once.

The engine reports :class:`Violation` records in its own terms; the rules
layer (:mod:`budgetlint.rules.findings`) gives them codes and messages.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from enum import Enum
from itertools import compress
from operator import is_not
from typing import Literal

from budgetlint.engine import ir
from budgetlint.engine.cfg import Graph, build

Action = Literal["move", "consume", "send", "drop", "settle"]


@dataclass(frozen=True, slots=True)
class Live:
    """The place holds a value it may use."""

    kind: ir.Kind
    borrowed: bool
    obligation: ir.Site | None
    """Where an owned linear value that must still be consumed was created."""
    type_name: str


@dataclass(frozen=True, slots=True)
class Gone:
    """The place's value left at ``site``."""

    kind: ir.Kind
    site: ir.Site
    how: str
    action: Action
    reported: bool = False


Fact = Live | Gone
State = dict[str, frozenset[Fact]]


class ViolationKind(Enum):
    """What went wrong with ownership (one per rule of SPEC 6)."""

    USE_AFTER_MOVE = "use-after-move"
    COPY = "copy"
    DOUBLE_CONSUME = "double-consume"
    UNCONSUMED = "unconsumed"
    FANOUT = "fanout"
    BORROW_ESCAPE = "borrow-escape"
    MOVED_FIELD = "moved-field"
    MINT = "mint"


Variant = Literal["maybe", "loop", "partial", "again", "dropped", "discarded", "overwritten"]
"""The situation a violation arose in, where its kind has more than one."""

Field = str | int
"""The type of one message field of a :class:`Violation`."""


@dataclass(frozen=True)
class Violation:
    """One violation in one function body, before it is tied to a file."""

    kind: ViolationKind
    site: ir.Site
    variant: Variant | None
    fields: Mapping[str, Field] = field(hash=False)
    """What the message says: ``noun`` (``budget``/``reservation``),
    ``place``, ``sites`` (``line 12 (delegate())``), ``how``, ``line``."""


# Kinds that can compete for one site, strongest first (SPEC 5,
# Precedence): which one describes the site is a fact about the flow (a
# copy of a moved value is a use after move), so the engine decides it.
_PRECEDENCE = (
    ViolationKind.BORROW_ESCAPE,
    ViolationKind.FANOUT,
    ViolationKind.DOUBLE_CONSUME,
    ViolationKind.USE_AFTER_MOVE,
    ViolationKind.COPY,
)
_ORDER = {kind: index for index, kind in enumerate(ViolationKind)}


def _noun(kind: ir.Kind) -> str:
    return "reservation" if kind is ir.Kind.LINEAR else "budget"


def _describe(gones: Iterable[Gone]) -> str:
    """``line 12 (delegate())`` for each site, in source order."""
    seen = sorted({(g.site, g.how) for g in gones})
    return " and ".join(f"line {site.line} ({how})" for site, how in seen)


SITES_KEPT = 8
"""Per place, the most ``Gone`` facts kept of one kind (noun, action,
reported): the earliest sites. A message lists every site up to this many;
a place that may have left at more sites on the paths reaching one point
is reported with the earliest ones."""


def _bounded(facts: frozenset[Fact]) -> frozenset[Fact]:
    """``facts`` with at most :data:`SITES_KEPT` ``Gone`` facts of each kind."""
    if len(facts) <= SITES_KEPT:
        return facts
    kinds: dict[tuple[ir.Kind, Action, bool], list[Gone]] = {}
    for fact in facts:
        if isinstance(fact, Gone):
            kinds.setdefault((fact.kind, fact.action, fact.reported), []).append(fact)
    extra: list[Gone] = []
    for gones in kinds.values():
        if len(gones) > SITES_KEPT:
            gones.sort(key=lambda g: (g.site, g.how))
            extra += gones[SITES_KEPT:]
    return facts.difference(extra) if extra else facts


def _reported(fact: Fact) -> Fact:
    if isinstance(fact, Gone) and not fact.reported:
        return Gone(fact.kind, fact.site, fact.how, fact.action, True)
    return fact


def _is_local(place: str) -> bool:
    return "." not in place


class _Run:
    """Transfer functions over one function's states; records violations
    when ``report`` is set (the final pass)."""

    def __init__(self, function: ir.Function, *, mint_forbidden: bool) -> None:
        self.function = function
        self.mint_forbidden = mint_forbidden
        self.report = False
        self.at = 0
        """The block running (its index), or past the blocks for the exits:
        of the violations one site and kind get, the one found in the
        lowest block is kept, whatever order the blocks report in."""
        self.violations: dict[tuple[ir.Site, ViolationKind], tuple[int, Violation]] = {}
        # Every site a field of self may have left at is a BUD007 at the
        # normal exit: those places keep all their facts.
        self.exact = "self." if function.is_method and not function.consumes_self else None
        self.below: dict[str, list[str]] = {}
        """The tracked paths under each place (``ctx`` -> ``ctx.budget``), sorted:
        only places the events name are ever in a state."""

    def index_places(self, graph: Graph) -> None:
        """Fill :attr:`below` from the places ``graph``'s events name."""
        places: set[str] = set()
        for block in graph.blocks:
            for event in block.events:
                for place in (getattr(event, "place", None), getattr(event, "dst", None)):
                    if isinstance(place, str) and "." in place:
                        places.add(place)
        for place in sorted(places):
            parts = place.split(".")
            for end in range(1, len(parts)):
                self.below.setdefault(".".join(parts[:end]), []).append(place)

    def join(self, a: State, b: State) -> State:
        """The state on either path: the facts of both, bounded per place
        (:func:`_bounded`, but for the fields of self in :attr:`exact`).
        ``a`` itself when ``b`` adds nothing to it."""
        if a is b:
            return a
        exact = self.exact
        # Both states usually come from one state before a branch and share
        # most of their fact sets: with the same places in the same order,
        # find the few that differ without a Python loop over all places.
        items: Iterable[tuple[str, frozenset[Fact]]] = b.items()
        if len(a) == len(b) and list(a) == list(b):
            items = compress(b.items(), map(is_not, a.values(), b.values()))
        changed: dict[str, frozenset[Fact]] = {}
        for place, facts in items:
            mine = a.get(place)
            if mine is None:
                changed[place] = facts
            elif mine is not facts:
                merged = mine | facts
                if len(merged) == len(mine):
                    continue  # facts were all there already
                if exact is None or not place.startswith(exact):
                    merged = _bounded(merged)
                    if merged == mine:
                        continue  # only sites past the bound were new
                changed[place] = merged
        if not changed:
            return a
        out = dict(a)
        out.update(changed)
        return out

    # -- reporting -------------------------------------------------------------

    def emit(self, kind: ViolationKind, site: ir.Site, variant: Variant | None = None,
             **fields: Field) -> None:
        if self.report:
            found = self.violations.get((site, kind))
            if found is None or found[0] > self.at:
                self.violations[(site, kind)] = (self.at, Violation(kind, site, variant, fields))

    def _use_error(self, state: State, place: str, site: ir.Site, *, moving: bool) -> bool:
        """Report a use of ``place`` that meets unreported ``Gone`` facts;
        mark them reported. True when there was an error."""
        facts = state.get(place, frozenset())
        gones = [f for f in facts if isinstance(f, Gone) and not f.reported]
        if not gones:
            return False
        linear = any(f.kind is ir.Kind.LINEAR for f in gones)
        # Using a linear value after it was consumed is a double consume;
        # after `del` it is a use of a dropped value, a use after move like
        # any other (SPEC 5).
        consumed = any(f.kind is ir.Kind.LINEAR and f.action != "drop" for f in gones)
        kind = ViolationKind.DOUBLE_CONSUME if consumed else ViolationKind.USE_AFTER_MOVE
        noun = _noun(ir.Kind.LINEAR if linear else ir.Kind.AFFINE)
        own = [g for g in gones if g.site == site]
        if moving and own:
            self.emit(kind, site, "loop", noun=noun, place=place, sites=_describe(own))
        elif any(isinstance(f, Live) for f in facts):
            self.emit(kind, site, "maybe", noun=noun, place=place, sites=_describe(gones))
        else:
            self.emit(kind, site, noun=noun, place=place, sites=_describe(gones))
        state[place] = frozenset(map(_reported, facts))
        return True

    def _leak(self, facts: Iterable[Fact], variant: Variant | None, **fields: Field) -> None:
        for fact in facts:
            if isinstance(fact, Live) and fact.obligation is not None:
                self.emit(ViolationKind.UNCONSUMED, fact.obligation, variant, **fields)

    # -- transfer --------------------------------------------------------------

    def block(self, events: list[ir.Event], state: State) -> State:
        """The state after ``events`` from ``state``; states are never
        changed once made, so a block without events passes it on."""
        if not events:
            return state
        state = dict(state)
        for event in events:
            self.event(event, state)
        return state

    def event(self, event: ir.Event, state: State) -> None:
        if isinstance(event, ir.Bind):
            self._rebind(event.place, event.site, state)
            if event.kind is not None:
                owed = (event.kind is ir.Kind.LINEAR and event.obligation
                        and not event.borrowed)
                state[event.place] = frozenset(
                    {Live(event.kind, event.borrowed, event.site if owed else None,
                          event.type_name)}
                )
        elif isinstance(event, ir.Transfer):
            self._transfer(event, state)
        elif isinstance(event, ir.Use):
            self._use(event, state)
        elif isinstance(event, ir.Move):
            self._move(event.place, event.site, event.how,
                       "consume" if event.consume else "move", state)
        elif isinstance(event, ir.Copy):
            self._copy(event, state)
        elif isinstance(event, ir.Send):
            self._send(event, state)
        elif isinstance(event, ir.Drop):
            self._drop(event, state)
        elif isinstance(event, ir.Settle):
            self._leave(event.place, event.site, event.how, "settle", state)
        elif isinstance(event, ir.Forget):
            self._forget(event.place, state)
        elif isinstance(event, ir.Mint):
            self._mint(event)

    def _rebind(self, place: str, site: ir.Site, state: State) -> None:
        """``place`` gets a new value: a live linear value in it leaks, and
        every tracked path below it is forgotten."""
        self._leak(state.get(place, ()), "overwritten", noun=_noun(ir.Kind.LINEAR),
                   place=place, line=site.line)
        self._forget(place, state)

    def _forget(self, place: str, state: State) -> None:
        """Stop tracking ``place`` and every path below it."""
        state.pop(place, None)
        for sub in self.below.get(place, ()):
            state.pop(sub, None)

    def _leave(self, place: str, site: ir.Site, how: str, action: Action, state: State) -> None:
        """Every live value of ``place`` is gone at ``site``."""
        facts = state.get(place)
        if facts is None:
            return
        state[place] = frozenset(
            Gone(f.kind, site, how, action) if isinstance(f, Live) else f for f in facts
        )

    def _borrowed(self, state: State, place: str) -> Live | None:
        for fact in state.get(place, ()):
            if isinstance(fact, Live) and fact.borrowed:
                return fact
        return None

    def _transfer(self, event: ir.Transfer, state: State) -> None:
        src, dst = event.src, event.dst
        facts = state.get(src)
        if facts is None:
            if dst is not None:
                self._rebind(dst, event.site, state)
            return
        if dst is None:
            self._move(src, event.site, "bound by a pattern", "move", state)
            return
        borrowed = self._borrowed(state, src)
        live = [f for f in facts if isinstance(f, Live)]
        self._use_error(state, src, event.site, moving=borrowed is None)
        self._rebind(dst, event.site, state)
        if borrowed is not None:
            if _is_local(dst):
                # y = borrowed re-borrows: y is itself borrowed (SPEC 5).
                state[dst] = frozenset({borrowed})
            else:
                self.emit(ViolationKind.BORROW_ESCAPE, event.site, noun=_noun(borrowed.kind),
                          place=src, how=f"stored in {dst}")
                state[dst] = frozenset({replace(borrowed, borrowed=False)})
            return
        self._leave(src, event.site, f"moved into {dst}", "move", state)
        if live:
            first = live[0]
            owed = first.kind is ir.Kind.LINEAR and _is_local(dst)
            state[dst] = frozenset(
                {Live(first.kind, False, event.site if owed else None, first.type_name)}
            )

    def _use(self, event: ir.Use, state: State) -> None:
        if event.whole:
            for sub in self.below.get(event.place, ()):
                facts = state.get(sub)
                if facts is None:
                    continue
                gones = [f for f in facts if isinstance(f, Gone) and not f.reported]
                if gones:
                    self.emit(ViolationKind.USE_AFTER_MOVE, event.site, "partial",
                              place=event.place, sites=_describe(gones))
                    state[sub] = frozenset(map(_reported, facts))
        self._use_error(state, event.place, event.site, moving=False)

    def _move(self, place: str, site: ir.Site, how: str, action: Action, state: State) -> None:
        borrowed = self._borrowed(state, place)
        if borrowed is not None:
            self.emit(ViolationKind.BORROW_ESCAPE, site, noun=_noun(borrowed.kind), place=place,
                      how=how)
            return
        self._use_error(state, place, site, moving=True)
        self._leave(place, site, how, action, state)

    def _copy(self, event: ir.Copy, state: State) -> None:
        facts = state.get(event.place)
        if facts is None:
            return
        if not self._use_error(state, event.place, event.site, moving=False):
            kind = next(iter(facts)).kind
            self.emit(ViolationKind.COPY, event.site, noun=_noun(kind), place=event.place,
                      how=event.how)

    def _send(self, event: ir.Send, state: State) -> None:
        place, site = event.place, event.site
        facts = state.get(place)
        if facts is None:
            return
        noun = _noun(next(iter(facts)).kind)
        borrowed = self._borrowed(state, place)
        if borrowed is not None and not event.awaited:
            self.emit(ViolationKind.BORROW_ESCAPE, site, noun=noun, place=place, how=event.how)
            return
        sent = [f for f in facts if isinstance(f, Gone) and f.action == "send" and not f.reported]
        if sent:
            own = [g for g in sent if g.site == site]
            if own:
                self.emit(ViolationKind.FANOUT, site, "loop", noun=noun, place=place, how=event.how)
            else:
                self.emit(ViolationKind.FANOUT, site, "again", noun=noun, place=place,
                          sites=_describe(sent))
        elif event.fanout:
            self.emit(ViolationKind.FANOUT, site, noun=noun, place=place, how=event.how)
        self._use_error(state, place, site, moving=not event.awaited)
        if not event.awaited:
            self._leave(place, site, event.how, "send", state)

    def _drop(self, event: ir.Drop, state: State) -> None:
        facts = state.get(event.place, frozenset())
        variant: Variant = "discarded" if event.discarded else "dropped"
        self._leak(facts, variant, noun=_noun(ir.Kind.LINEAR), place=event.place)
        self._leave(event.place, event.site, "deleted", "drop", state)

    def _mint(self, event: ir.Mint) -> None:
        if self.mint_forbidden:
            self.emit(ViolationKind.MINT, event.site, noun="budget",
                      how=f"{event.type_name}(...)")

    # -- exits -----------------------------------------------------------------

    def exit(self, state: State, *, normal: bool) -> None:
        """Check what may still be owned when the function is left."""
        for place, facts in state.items():
            self._leak(facts, None, noun=_noun(ir.Kind.LINEAR), place=place)
            if (normal and self.function.is_method and not self.function.consumes_self
                    and place.startswith("self.")):
                for fact in facts:
                    if isinstance(fact, Gone):
                        self.emit(ViolationKind.MOVED_FIELD, fact.site, place=place, how=fact.how)


def _reverse_postorder(graph: Graph) -> list[int]:
    """Each block's position in reverse postorder from the entry (``-1``:
    unreachable). Iterative: one long function is a deep graph."""
    position = [-1] * len(graph.blocks)
    seen = [False] * len(graph.blocks)
    seen[0] = True
    postorder: list[int] = []
    stack: list[tuple[int, Iterator[int]]] = [(0, iter(graph.blocks[0].succ))]
    while stack:
        block, succs = stack[-1]
        for succ in succs:
            if not seen[succ]:
                seen[succ] = True
                stack.append((succ, iter(graph.blocks[succ].succ)))
                break
        else:
            stack.pop()
            postorder.append(block)
    for rank, block in enumerate(reversed(postorder)):
        position[block] = rank
    return position


def _components(graph: Graph, members: list[int], rank: list[int]) -> list[list[int]]:
    """The strongly connected components of the subgraph of ``members``, in
    topological order, each sorted by ``rank`` (Tarjan's, iteratively)."""
    inside = set(members)
    index: dict[int, int] = {}
    low: dict[int, int] = {}
    on_stack: set[int] = set()
    stack: list[int] = []
    found: list[list[int]] = []
    for root in members:
        if root in index:
            continue
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        work: list[tuple[int, Iterator[int]]] = [(root, iter(graph.blocks[root].succ))]
        while work:
            block, succs = work[-1]
            for succ in succs:
                if succ not in inside:
                    continue
                if succ not in index:
                    index[succ] = low[succ] = len(index)
                    stack.append(succ)
                    on_stack.add(succ)
                    work.append((succ, iter(graph.blocks[succ].succ)))
                    break
                if succ in on_stack:
                    low[block] = min(low[block], index[succ])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[block])
                if low[block] == index[block]:
                    component: list[int] = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == block:
                            break
                    found.append(sorted(component, key=rank.__getitem__))
    found.reverse()
    return found


def _block_order(graph: Graph) -> tuple[list[int], list[bool]]:
    """Each block's position in a weak topological order (``-1``:
    unreachable), and whether it is in a loop.

    Every block comes after its forward predecessors, and each loop (a
    strongly connected component: its head, the block entered first, then
    the rest ordered the same way) is contiguous. A worklist that takes the
    lowest position first then makes a loop converge before anything after
    it runs; in plain reverse postorder the code after a loop could come
    before the loop's body and run again each time the loop changed."""
    rank = _reverse_postorder(graph)
    position = [-1] * len(graph.blocks)
    cyclic = [False] * len(graph.blocks)
    order: list[int] = []
    reachable = sorted((b for b in range(len(graph.blocks)) if rank[b] >= 0),
                       key=rank.__getitem__)
    # Pending: a block to place, or a set of blocks to order (a loop without its head).
    pending: list[int | list[int]] = [reachable]
    while pending:
        item = pending.pop()
        if isinstance(item, int):
            order.append(item)
            continue
        for component in reversed(_components(graph, item, rank)):
            head = component[0]
            if len(component) > 1 or head in graph.blocks[head].succ:
                for block in component:
                    cyclic[block] = True
            if len(component) > 1:
                pending.append(component[1:])
            pending.append(head)
    for place, block in enumerate(order):
        position[block] = place
    return position, cyclic


def _fixpoint(graph: Graph, run: _Run) -> list[State | None]:
    """Run the flow to its fixpoint; report every block outside a loop on
    the way. The converged entry state of every block in a loop and of the
    exits (``None``: unreachable or already reported).

    The worklist always takes the pending block first in
    :func:`_block_order`: every block then runs after all its forward
    predecessors, so only loop back edges make a block run again, and a
    loop runs until it converges before the code after it. A LIFO worklist
    re-ran the rest of a long function once per branch, which made its cost
    cubic in its length.

    A block outside every loop therefore runs once, from its final state:
    it reports then, and its state is dropped (keeping every block's state
    made a long function's memory, and time, grow with the square of its
    length when it tracks many places).
    """
    states: list[State | None] = [None] * len(graph.blocks)
    states[0] = {}
    position, cyclic = _block_order(graph)
    exits = (graph.normal_exit, graph.raise_exit)
    block_at = {rank: block for block, rank in enumerate(position) if rank >= 0}
    done = [False] * len(graph.blocks)
    pending = [position[0]]
    queued = {position[0]}
    while pending:
        rank = heapq.heappop(pending)
        queued.discard(rank)
        index = block_at[rank]
        entry = states[index]
        assert entry is not None
        run.report = not cyclic[index]
        run.at = index
        out = run.block(graph.blocks[index].events, entry)
        if run.report:
            done[index] = True
            if index not in exits:
                states[index] = None
        for succ in graph.blocks[index].succ:
            assert not done[succ], "a block outside loops runs once"
            old = states[succ]
            new = out if old is None else run.join(old, out)
            if new is not old:
                states[succ] = new
                if position[succ] not in queued:
                    queued.add(position[succ])
                    heapq.heappush(pending, position[succ])
    run.report = False
    return states


def _precedence(violations: Iterable[Violation]) -> Iterator[Violation]:
    """One violation per site among the competing kinds (SPEC 5)."""
    by_site: dict[ir.Site, list[Violation]] = {}
    for violation in violations:
        by_site.setdefault(violation.site, []).append(violation)
    for group in by_site.values():
        competing = [v for v in group if v.kind in _PRECEDENCE]
        if competing:
            yield min(competing, key=lambda v: _PRECEDENCE.index(v.kind))
        yield from (v for v in group if v.kind not in _PRECEDENCE)


def _position(violation: Violation) -> tuple[ir.Site, int]:
    return violation.site, _ORDER[violation.kind]


def analyze_function(function: ir.Function, *, mint_forbidden: bool = False) -> list[Violation]:
    """Every violation in one function body, sorted by position.

    ``mint_forbidden``: constructing an affine value is itself a violation
    (:attr:`ViolationKind.MINT`) here; the caller decides where it is.
    """
    graph = build(function)
    run = _Run(function, mint_forbidden=mint_forbidden)
    run.index_places(graph)
    states = _fixpoint(graph, run)
    run.report = True
    exits = (graph.normal_exit, graph.raise_exit)
    for index, entry in enumerate(states):
        if entry is not None and index not in exits:
            run.at = index
            run.block(graph.blocks[index].events, entry)
    for offset, exit_block in enumerate(exits):
        final = states[exit_block]
        if final is not None:
            run.at = len(graph.blocks) + offset
            run.exit(final, normal=exit_block == graph.normal_exit)
    return sorted(_precedence(v for _, v in run.violations.values()), key=_position)


def analyze_unit(unit: ir.Unit, *, mint_forbidden: bool = False) -> list[Violation]:
    """Every violation in a lowered file, sorted by position (see
    :func:`analyze_function` for ``mint_forbidden``)."""
    found: list[Violation] = []
    for function in unit.functions:
        found.extend(analyze_function(function, mint_forbidden=mint_forbidden))
    return sorted(found, key=_position)
