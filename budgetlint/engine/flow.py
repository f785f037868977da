"""The one ownership flow analysis, and the rules on top of it.

For each place the state holds the set of *facts* that may be true on some
path reaching a point: :class:`Live` (the place holds a usable value) or
:class:`Gone` (its value was moved, consumed, sent, dropped or settled at a
site). A use that meets a ``Gone`` fact is an error: definite when every
path moved it, "may have been moved" when a ``Live`` fact is there too, and
"moved in previous iteration of loop" at a move that meets its own earlier
move. Facts only grow at joins and every event maps facts one by one, so the
fixpoint over loop back edges exists and is reached quickly; findings are
collected in one pass over the converged states.

After an error the offending ``Gone`` facts are marked reported, so a chain
of uses after one move reports the first use on each path only (SPEC 6).
Like mypy's ``partially_defined.py`` this is a must/may analysis, but over a
real CFG (:mod:`budgetlint.engine.cfg`) with loop back edges.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Literal

from budgetlint.config import Settings
from budgetlint.engine import ir
from budgetlint.engine.cfg import Graph, build
from budgetlint.rules.catalog import rule

Action = Literal["move", "consume", "send", "drop", "settle"]


@dataclass(frozen=True)
class Live:
    """The place holds a value it may use."""

    kind: ir.Kind
    borrowed: bool
    obligation: ir.Site | None
    """Where an owned linear value that must still be consumed was created."""
    type_name: str


@dataclass(frozen=True)
class Gone:
    """The place's value left at ``site``."""

    kind: ir.Kind
    site: ir.Site
    how: str
    action: Action
    reported: bool = False


Fact = Live | Gone
State = dict[str, frozenset[Fact]]


@dataclass(frozen=True)
class Finding:
    """One rule violation, before it is tied to a file."""

    code: str
    site: ir.Site
    message: str


# Codes that can compete for one site, strongest first (SPEC 5, Precedence).
_PRECEDENCE = ("BUD006", "BUD005", "BUD003", "BUD001", "BUD002")


def _noun(kind: ir.Kind) -> str:
    return "reservation" if kind is ir.Kind.LINEAR else "budget"


def _describe(gones: Iterable[Gone]) -> str:
    """``line 12 (delegate())`` for each site, in source order."""
    seen = sorted({(g.site, g.how) for g in gones})
    return " and ".join(f"line {site.line} ({how})" for site, how in seen)


def _join(a: State, b: State) -> State:
    out = dict(a)
    for place, facts in b.items():
        mine = out.get(place)
        out[place] = facts if mine is None else mine | facts
    return out


def _is_local(place: str) -> bool:
    return "." not in place


class _Run:
    """Transfer functions over one function's states; records findings when
    ``report`` is set (the final pass)."""

    def __init__(self, function: ir.Function, module: str, settings: Settings) -> None:
        self.function = function
        self.module = module
        self.settings = settings
        self.report = False
        self.findings: dict[tuple[ir.Site, str], Finding] = {}

    # -- reporting -------------------------------------------------------------

    def emit(self, code: str, site: ir.Site, variant: str | None = None, **fields: object) -> None:
        if self.report and (site, code) not in self.findings:
            self.findings[(site, code)] = Finding(code, site, rule(code).format(variant, **fields))

    def _use_error(self, state: State, place: str, site: ir.Site, *, moving: bool) -> bool:
        """Report a use of ``place`` that meets unreported ``Gone`` facts;
        mark them reported. True when there was an error."""
        facts = state.get(place, frozenset())
        gones = [f for f in facts if isinstance(f, Gone) and not f.reported]
        if not gones:
            return False
        linear = any(f.kind is ir.Kind.LINEAR for f in gones)
        # Using a linear value after it was consumed is BUD003; after `del`
        # it is a use of a dropped value, BUD001 like any other (SPEC 5).
        consumed = any(f.kind is ir.Kind.LINEAR and f.action != "drop" for f in gones)
        code = "BUD003" if consumed else "BUD001"
        noun = _noun(ir.Kind.LINEAR if linear else ir.Kind.AFFINE)
        own = [g for g in gones if g.site == site]
        if moving and own:
            self.emit(code, site, "loop", noun=noun, place=place, sites=_describe(own))
        elif any(isinstance(f, Live) for f in facts):
            self.emit(code, site, "maybe", noun=noun, place=place, sites=_describe(gones))
        else:
            self.emit(code, site, noun=noun, place=place, sites=_describe(gones))
        state[place] = frozenset(replace(f, reported=True) if isinstance(f, Gone) else f
                                 for f in facts)
        return True

    def _leak(self, facts: Iterable[Fact], variant: str | None, **fields: object) -> None:
        for fact in facts:
            if isinstance(fact, Live) and fact.obligation is not None:
                self.emit("BUD004", fact.obligation, variant, **fields)

    # -- transfer --------------------------------------------------------------

    def block(self, events: list[ir.Event], state: State) -> State:
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
        prefix = place + "."
        for sub in [p for p in state if p.startswith(prefix)]:
            del state[sub]

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
                self.emit("BUD006", event.site, noun=_noun(borrowed.kind), place=src,
                          how=f"stored in {dst}")
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
            prefix = event.place + "."
            for sub in sorted(p for p in state if p.startswith(prefix)):
                gones = [f for f in state[sub] if isinstance(f, Gone) and not f.reported]
                if gones:
                    self.emit("BUD001", event.site, "partial", place=event.place,
                              sites=_describe(gones))
                    state[sub] = frozenset(
                        replace(f, reported=True) if isinstance(f, Gone) else f
                        for f in state[sub]
                    )
        self._use_error(state, event.place, event.site, moving=False)

    def _move(self, place: str, site: ir.Site, how: str, action: Action, state: State) -> None:
        borrowed = self._borrowed(state, place)
        if borrowed is not None:
            self.emit("BUD006", site, noun=_noun(borrowed.kind), place=place, how=how)
            return
        self._use_error(state, place, site, moving=True)
        self._leave(place, site, how, action, state)

    def _copy(self, event: ir.Copy, state: State) -> None:
        facts = state.get(event.place)
        if facts is None:
            return
        if not self._use_error(state, event.place, event.site, moving=False):
            kind = next(iter(facts)).kind
            self.emit("BUD002", event.site, noun=_noun(kind), place=event.place, how=event.how)

    def _send(self, event: ir.Send, state: State) -> None:
        place, site = event.place, event.site
        facts = state.get(place)
        if facts is None:
            return
        noun = _noun(next(iter(facts)).kind)
        borrowed = self._borrowed(state, place)
        if borrowed is not None and not event.awaited:
            self.emit("BUD006", site, noun=noun, place=place, how=event.how)
            return
        sent = [f for f in facts if isinstance(f, Gone) and f.action == "send" and not f.reported]
        if sent:
            own = [g for g in sent if g.site == site]
            if own:
                self.emit("BUD005", site, "loop", noun=noun, place=place, how=event.how)
            else:
                self.emit("BUD005", site, "again", noun=noun, place=place, sites=_describe(sent))
        elif event.fanout:
            self.emit("BUD005", site, noun=noun, place=place, how=event.how)
        self._use_error(state, place, site, moving=not event.awaited)
        if not event.awaited:
            self._leave(place, site, event.how, "send", state)

    def _drop(self, event: ir.Drop, state: State) -> None:
        facts = state.get(event.place, frozenset())
        variant = "discarded" if event.discarded else "dropped"
        self._leak(facts, variant, noun=_noun(ir.Kind.LINEAR), place=event.place)
        self._leave(event.place, event.site, "deleted", "drop", state)

    def _mint(self, event: ir.Mint) -> None:
        authority = self.settings.mint_authority
        if not authority:
            return
        if any(self.module == m or self.module.startswith(m + ".") for m in authority):
            return
        self.emit("BUD008", event.site, noun="budget", how=f"{event.type_name}(...)",
                  authority=", ".join(authority))

    # -- exits -----------------------------------------------------------------

    def exit(self, state: State, *, normal: bool) -> None:
        """Check what may still be owned when the function is left."""
        for place, facts in state.items():
            self._leak(facts, None, noun=_noun(ir.Kind.LINEAR), place=place)
            if (normal and self.function.is_method and not self.function.consumes_self
                    and place.startswith("self.")):
                for fact in facts:
                    if isinstance(fact, Gone):
                        self.emit("BUD007", fact.site, place=place, how=fact.how)


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


def _fixpoint(graph: Graph, run: _Run) -> list[State | None]:
    """The converged entry state of every block (``None``: unreachable).

    The worklist always takes the pending block first in reverse postorder:
    every block then runs after all its forward predecessors, so only loop
    back edges make a block run again. A LIFO worklist re-ran the rest of a
    long function once per branch, which made its cost cubic in its length.
    """
    states: list[State | None] = [None] * len(graph.blocks)
    states[0] = {}
    position = _reverse_postorder(graph)
    block_at = {rank: block for block, rank in enumerate(position) if rank >= 0}
    pending = [position[0]]
    queued = {position[0]}
    while pending:
        rank = heapq.heappop(pending)
        queued.discard(rank)
        index = block_at[rank]
        entry = states[index]
        assert entry is not None
        out = run.block(graph.blocks[index].events, entry)
        for succ in graph.blocks[index].succ:
            old = states[succ]
            new = out if old is None else _join(old, out)
            if new != old:
                states[succ] = new
                if position[succ] not in queued:
                    queued.add(position[succ])
                    heapq.heappush(pending, position[succ])
    return states


def _precedence(findings: Iterable[Finding]) -> Iterator[Finding]:
    """One finding per site among the competing codes (SPEC 5)."""
    by_site: dict[ir.Site, list[Finding]] = {}
    for finding in findings:
        by_site.setdefault(finding.site, []).append(finding)
    for group in by_site.values():
        competing = [f for f in group if f.code in _PRECEDENCE]
        if competing:
            yield min(competing, key=lambda f: _PRECEDENCE.index(f.code))
        yield from (f for f in group if f.code not in _PRECEDENCE)


def analyze_function(function: ir.Function, module: str, settings: Settings) -> list[Finding]:
    """Every finding in one function body."""
    graph = build(function)
    run = _Run(function, module, settings)
    states = _fixpoint(graph, run)
    run.report = True
    for index, entry in enumerate(states):
        if entry is not None:
            run.block(graph.blocks[index].events, entry)
    for exit_block, normal in ((graph.normal_exit, True), (graph.raise_exit, False)):
        final = states[exit_block]
        if final is not None:
            run.exit(final, normal=normal)
    return sorted(_precedence(run.findings.values()), key=lambda f: (f.site, f.code))


def analyze(unit: ir.Unit, settings: Settings) -> list[Finding]:
    """Every finding in a lowered file, sorted by position."""
    found: list[Finding] = []
    for function in unit.functions:
        found.extend(analyze_function(function, unit.module, settings))
    return sorted(found, key=lambda f: (f.site, f.code))
