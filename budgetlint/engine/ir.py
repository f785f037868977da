"""The ownership IR: what every front end lowers a function body into.

The walker (:mod:`budgetlint.lowering.walker`, for every front end)
walks one function body and produces a :class:`Function`: a tree of
control-flow nodes (:class:`If`, :class:`Loop`, :class:`Try`, :class:`Match`,
jumps) whose leaves are ownership *events* on *places* (SPEC section 4). The
flow analysis (:mod:`budgetlint.engine.flow`) and the rules are written once
over this IR; the walker alone decides which events a construct produces.

Conventions every front end follows:

* A *place* is a string: a local name or parameter (``"b"``), or an attribute
  path rooted at a local, a parameter or ``self`` with at most two dots
  (``"self.budget"``, ``"ctx.budget"``). Only places holding an affine value
  are given events; a place gets events only after a :class:`Bind` (or, for
  attribute places of ``self``/parameters, a :class:`Bind` emitted at function
  entry with ``obligation=False``).
* Events are emitted in evaluation order. Arguments of a call are evaluated
  (their :class:`Use` events) before the call's moves: ``f(b, b.remaining)``
  is a use then a move. A move into a call takes effect after all arguments.
* Expressions with their own control flow lower to nodes in the sequence:
  ``x if c else y`` and ``a and b`` / ``a or b`` to :class:`If`; a
  comprehension to a :class:`Loop` (its element may run any number of times).
* Each statement starts with a :class:`Checkpoint`: inside a ``try`` body,
  every checkpoint is a point an exception can leave from, so a handler
  starts from the join of the states at the checkpoints (SPEC 5).
* ``with`` lowers to a :class:`Try` whose ``finalbody`` holds the exit events
  (:class:`Settle` of the ``as`` target of a reservation, of a scoped budget).
* A call typed ``NoReturn``/``Never`` lowers to :class:`Halt`; ``return`` to
  its value's events then :class:`Return`; ``raise`` to :class:`Raise`.
* A nested ``def``/``lambda`` is lowered as its own :class:`Function`
  (listed in :attr:`Unit.functions`); in the enclosing body its definition
  is a :class:`Use` of each captured place, or a :class:`Move` when the
  closure escapes or moves the capture (SPEC 4, capture row).

Standard library only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Kind(Enum):
    """The ownership kind of a value (SPEC section 2)."""

    AFFINE = "affine"
    LINEAR = "linear"


@dataclass(frozen=True, order=True)
class Site:
    """A source position: 1-based line, 0-based column (as ``ast`` and mypy)."""

    line: int
    col: int


# --- events -----------------------------------------------------------------


@dataclass(frozen=True)
class Bind:
    """``place`` now holds a new value (assignment, parameter, ``as`` target).

    ``kind`` is the value's ownership kind, or ``None`` when the new value is
    not affine (the place stops being tracked, with every path below it).
    ``borrowed`` marks a value the scope does not own (a ``Borrowed[...]``
    parameter, a re-borrow). ``obligation`` is true where a linear value bound
    here must be consumed in this scope (locals and owned parameters; not
    fields). ``type_name`` is the value's class name, for messages.
    Rebinding a place that may still hold an unconsumed linear value leaks
    it (BUD004).
    """

    place: str
    site: Site
    kind: Kind | None
    borrowed: bool = False
    obligation: bool = True
    type_name: str = ""


@dataclass(frozen=True)
class Transfer:
    """``dst = src`` for a tracked ``src``: a move, or a re-borrow when ``src``
    is borrowed (SPEC 5, Borrowed parameters). ``dst`` takes ``src``'s kind.
    ``dst`` may be ``None`` for a pattern or target that is not a place
    (then it is a plain move of ``src``)."""

    src: str
    dst: str | None
    site: Site


@dataclass(frozen=True)
class Use:
    """A read of ``place`` that keeps ownership (borrow).

    ``whole`` marks a use of the entire object that would also move its
    fields (passing, storing or returning ``ctx``): an error if a tracked
    field under ``place`` was moved (SPEC 5, Partial moves). For ``whole``
    uses ``place`` need not be tracked itself.
    """

    place: str
    site: Site
    whole: bool = False


@dataclass(frozen=True)
class Move:
    """Ownership of ``place`` leaves this scope.

    ``how`` says where it went, for messages: ``"delegate()"``,
    ``"passed to run_sub_agent()"``, ``"returned"``, ``"stored in self.b"``.
    ``consume`` is true for a ``@consumes`` call on the value itself
    (commit, release, close, delegate, reclaim's argument); false for a
    plain move (assignment into a container, owning argument, return).
    Both discharge a linear obligation.
    """

    place: str
    site: Site
    how: str
    consume: bool = False


@dataclass(frozen=True)
class Copy:
    """``place`` is copied (``copy.copy``, pickling, ...): always BUD002,
    or BUD001 when it was already moved."""

    place: str
    site: Site
    how: str


@dataclass(frozen=True)
class Send:
    """``place`` is sent into a concurrently running task by a spawner call.

    ``fanout`` is set by the front end when this one spawner call itself
    creates several tasks reaching ``place`` (``gather(w(b), w(b))``,
    ``gather(*[w(q, b) for q in qs])``, ``pool.map(lambda q: w(q, b), qs)``):
    BUD005 at once. ``awaited`` is set when the spawner call is awaited or
    joined in the same expression: the task ends before the statement does,
    so the send is a borrow (SPEC 5, Spawning).
    """

    place: str
    site: Site
    how: str
    fanout: bool = False
    awaited: bool = False


@dataclass(frozen=True)
class Drop:
    """``del place``: not a use; drops an unconsumed linear value (BUD004).
    ``discarded`` marks the drop of a value never bound to a name (a
    ``b.reserve()`` expression statement), which leaks where it is made."""

    place: str
    site: Site
    discarded: bool = False


@dataclass(frozen=True)
class Settle:
    """The end of a ``with`` block consumes ``place`` (closes a scoped
    budget, releases a reservation unless it was consumed inside). Never an
    error itself; later uses are."""

    place: str
    site: Site
    how: str


@dataclass(frozen=True)
class Forget:
    """On this path ``place`` holds no value at all: a test proved it
    ``None`` (the branch of ``if r is None:``, the else of ``if r is not
    None:``). Unlike a rebinding, nothing it held can leak: there is none."""

    place: str
    site: Site


@dataclass(frozen=True)
class Mint:
    """A new affine value is constructed here (BUD008 when configured)."""

    site: Site
    type_name: str


Event = Bind | Transfer | Use | Move | Copy | Send | Drop | Settle | Forget | Mint


# --- control flow -------------------------------------------------------------


@dataclass(frozen=True)
class Checkpoint:
    """The start of a statement (exception edges leave from here)."""

    site: Site


@dataclass
class If:
    """Two-way branch. The test's events precede this node."""

    body: list[Node] = field(default_factory=list)
    orelse: list[Node] = field(default_factory=list)


@dataclass
class Loop:
    """``for``/``while``/comprehension.

    Each iteration runs ``head`` then decides: continue into ``body`` (which
    flows back to ``head``) or leave through ``orelse``. ``can_exit`` is false
    for ``while True:`` (only ``break`` leaves). A ``for`` target's binding is
    the first event of ``body``; the iterable's events precede the node.
    """

    head: list[Node] = field(default_factory=list)
    body: list[Node] = field(default_factory=list)
    orelse: list[Node] = field(default_factory=list)
    can_exit: bool = True


@dataclass
class Handler:
    """One ``except`` clause: its ``as`` binding and body."""

    body: list[Node] = field(default_factory=list)


@dataclass
class Try:
    """``try``/``except``/``else``/``finally`` (and ``with``: finalbody only)."""

    body: list[Node] = field(default_factory=list)
    handlers: list[Handler] = field(default_factory=list)
    orelse: list[Node] = field(default_factory=list)
    finalbody: list[Node] = field(default_factory=list)


@dataclass
class Case:
    """One ``case``: pattern events, guard events, then the body."""

    body: list[Node] = field(default_factory=list)


@dataclass
class Match:
    """``match``: the subject's events precede this node. Without an
    irrefutable case (``exhaustive`` false) no case may run."""

    cases: list[Case] = field(default_factory=list)
    exhaustive: bool = False


@dataclass(frozen=True)
class Return:
    """``return`` (its value's events precede it): a normal exit."""

    site: Site


@dataclass(frozen=True)
class Raise:
    """Explicit ``raise``: goes to the enclosing handlers, else leaves."""

    site: Site


@dataclass(frozen=True)
class Break:
    site: Site


@dataclass(frozen=True)
class Continue:
    site: Site


@dataclass(frozen=True)
class Halt:
    """A call typed ``NoReturn``: the path ends and no obligation is checked."""

    site: Site


Node = Event | Checkpoint | If | Loop | Try | Match | Return | Raise | Break | Continue | Halt


# --- units --------------------------------------------------------------------


@dataclass
class Function:
    """One analysed body: a function, method, lambda or the module itself."""

    name: str
    site: Site
    body: list[Node] = field(default_factory=list)
    is_method: bool = False
    """A method with a ``self`` parameter: BUD007 checks its ``self.*`` places."""
    consumes_self: bool = False
    """Decorated ``@consumes`` (consuming ``self``): exempt from BUD007, and
    ``self`` of a linear class needs no further consumption."""


@dataclass
class Unit:
    """Everything lowered from one file."""

    path: str
    module: str
    functions: list[Function] = field(default_factory=list)
