"""The ledger behind ``Budget`` handles (internal).

A :class:`Node` is one budget's ledger; handles (``Budget``,
``Reservation``) point at nodes, so ``delegate()`` can hand a node to a new
handle. Every node of a tree (a root ``Budget`` and everything split from
it) shares the tree's one lock, and every method here is called with that
lock held: no operation awaits or calls out while holding it, so the ledger
is atomic for threads and asyncio tasks alike.

Amounts are ``int`` per dimension (:data:`USD`, :data:`TOKENS`,
:data:`CALLS`; dollars in nano-dollar units, see
:mod:`budgetlint.runtime.money`). Per dimension a node records what was
*spent*, what open reservations hold (*reserved*) and what its live
children were given (*held*); its *used* amount is their sum.

A child's dimension is either *carved* (it has its own cap, held by its
parent) or *shared* (no cap of its own: its charges go on up to its
parent). A charge therefore walks a *path*: from the node up through the
nodes that share the dimension, to the first node with a cap (the
dimension's *owner*, whose cap decides) or to the root; every node on the
path records it. Each node keeps its paths flattened into one *route* of
(dimension, node) steps: charges are the hot path, and one flat loop costs
less than a loop per dimension.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence

from budgetlint.runtime.errors import BudgetError, BudgetExceeded
from budgetlint.runtime.fastpath import new_lock
from budgetlint.runtime.money import Amount, Usage, usd_from_units

USD, TOKENS, CALLS = 0, 1, 2
DIMENSIONS = ("usd", "tokens", "calls")
SPENT, RESERVED, HELD = 0, 1, 2

Units = tuple[int, int, int]
Caps = tuple[int | None, int | None, int | None]
NOTHING: Units = (0, 0, 0)


def amount(units: Sequence[int | None]) -> Amount:
    """Ledger units as a public :class:`Amount`."""
    usd = units[USD]
    return Amount(None if usd is None else usd_from_units(usd), units[TOKENS], units[CALLS])


def _show(dimension: int, units: int) -> str:
    return f"${usd_from_units(units):f}" if dimension == USD else f"{units} {DIMENSIONS[dimension]}"


class Tree:
    """The lock of one budget tree, and reservations waiting to be released.

    A reservation collected unconsumed is released from its ``__del__``,
    which may run while this very thread holds the lock (the garbage
    collector runs at any allocation). So ``__del__`` never takes the lock:
    it queues the release here, and the next operation on the tree applies
    it (:meth:`settle_leaks`, called first under the lock).
    """

    __slots__ = ("leaked", "lock", "overdrawn")

    def __init__(self) -> None:
        self.lock = new_lock()
        self.leaked: deque[tuple[Node, Units]] = deque()
        self.overdrawn = False
        """Some node of the tree recorded overage (so charges check for it)."""

    def settle_leaks(self) -> None:
        """Release the queued leaked reservations."""
        while self.leaked:
            node, reserved = self.leaked.popleft()
            node.release(reserved)


class Node:
    """One budget's ledger."""

    __slots__ = (
        "cap",
        "children",
        "committed",
        "ledger",
        "limits",
        "name",
        "open",
        "over",
        "overage",
        "parent",
        "reach",
        "released",
        "route",
        "splits",
        "tree",
        "used",
    )

    def __init__(self, tree: Tree, name: str, parent: Node | None, cap: Caps) -> None:
        self.tree = tree
        self.name = name
        self.parent = parent
        self.cap = cap
        self.ledger = ([0, 0, 0], [0, 0, 0], [0, 0, 0])
        """Spent, reserved and held, each per dimension."""
        self.used = [0, 0, 0]
        """Their sum per dimension, kept up to date with them."""
        self.overage = [0, 0, 0]
        self.over = False
        """Overage was recorded: the node refuses new charges."""
        self.children: dict[Node, None] = {}
        self.open = 0
        self.committed = 0
        self.released = 0
        self.splits = 0
        self.route: tuple[tuple[int, Node], ...] = ()
        """Every (dimension, node) a charge here is recorded on: the path of
        each dimension, the node itself first."""
        self.limits: tuple[tuple[int, Node, int], ...] = ()
        """Per dimension whose path ends at a cap: the dimension, the owner
        and its cap (the checks a charge makes)."""
        self.reach: tuple[Node, ...] = ()
        """Every node on the route."""
        self._find_paths()

    def _find_paths(self) -> None:
        # Paths change only when a parent changes (absorb), so they are
        # computed then rather than on every charge.
        route = []
        limits = []
        for d in range(3):
            node = self
            route.append((d, node))
            while node.cap[d] is None and node.parent is not None:
                node = node.parent
                route.append((d, node))
            cap = node.cap[d]
            if cap is not None:
                limits.append((d, node, cap))
        self.route = tuple(route)
        self.limits = tuple(limits)
        self.reach = tuple(dict.fromkeys(node for _, node in route))

    # --- views ------------------------------------------------------------

    def remaining(self, dimension: int) -> int | None:
        """Cap minus used (never below zero), or ``None`` without a cap."""
        cap = self.cap[dimension]
        return None if cap is None else max(cap - self.used[dimension], 0)

    def reserved_and_held(self) -> list[int]:
        _, reserved, held = self.ledger
        return [reserved[d] + held[d] for d in range(3)]

    def usage(self) -> Usage:
        return Usage(
            spent=amount(self.ledger[SPENT]),
            overage=amount(self.overage),
            committed=self.committed,
            released=self.released,
        )

    # --- changes ----------------------------------------------------------

    def charge(self, record: int, amounts: Units, action: str) -> None:
        """Spend, reserve or hold (``record``) ``amounts``, or raise
        ``BudgetExceeded`` and change nothing."""
        if self.tree.overdrawn:
            for node in self.reach:
                if node.over:
                    raise BudgetExceeded(
                        f"{action} refused: budget {node.name!r} is over its cap "
                        "(overage was recorded) and accepts no new charges",
                        budget=node.name,
                        dimension=None,
                    )
        for d, owner, cap in self.limits:
            units = amounts[d]
            if units and owner.used[d] + units > cap:
                raise BudgetExceeded(
                    f"{action} of {_show(d, units)} refused: budget {owner.name!r} "
                    f"has {_show(d, max(cap - owner.used[d], 0))} left",
                    budget=owner.name,
                    dimension=DIMENSIONS[d],
                )
        for d, node in self.route:
            units = amounts[d]
            if units:
                node.ledger[record][d] += units
                node.used[d] += units

    def commit(self, reserved: Units, actual: Units) -> None:
        """Resolve an open reservation of ``reserved`` by charging ``actual``.

        What exceeds the reservation is covered by the owner's unused
        remainder first; what that cannot cover is recorded as overage.
        """
        self._settle(RESERVED, reserved, actual)
        self.open -= 1
        self.committed += 1

    def release(self, reserved: Units) -> None:
        """Resolve an open reservation of ``reserved`` by charging nothing."""
        self._settle(RESERVED, reserved, NOTHING)
        self.open -= 1
        self.released += 1

    def _settle(self, source: int, freed: Units, spent: Units) -> None:
        """Along the route, take ``freed`` off the ``source`` record and add
        ``spent`` to spent; record as overage what that pushed an owner over
        its cap."""
        for d, node in self.route:
            released = freed[d]
            charged = spent[d]
            if released or charged:
                ledger = node.ledger
                ledger[source][d] -= released
                ledger[SPENT][d] += charged
                node.used[d] += charged - released
        for d, owner, cap in self.limits:
            grown = spent[d] - freed[d]
            if grown > 0:
                # Over the cap by at most what was just added.
                over = min(owner.used[d] - cap, grown)
                if over > 0:
                    owner.overage[d] += over
                    owner.over = self.tree.overdrawn = True

    def split(self, caps: Caps, name: str | None) -> Node:
        """A child whose carved dimensions (``caps`` not ``None``) are held
        by this node; its other dimensions are shared."""
        self.charge(HELD, (caps[0] or 0, caps[1] or 0, caps[2] or 0), "split")
        return self._child(caps, name)

    def split_even(self, count: int) -> list[Node]:
        """``count`` children sharing this node's whole remainder equally.

        Each capped dimension is divided down to the unit; the indivisible
        rest stays here. Uncapped dimensions are shared with the children.
        """
        shares = [0 if left is None else left // count for left in map(self.remaining, range(3))]
        caps: Caps = (
            None if self.cap[USD] is None else shares[USD],
            None if self.cap[TOKENS] is None else shares[TOKENS],
            None if self.cap[CALLS] is None else shares[CALLS],
        )
        self.charge(HELD, (shares[0] * count, shares[1] * count, shares[2] * count), "split_even")
        return [self._child(caps, None) for _ in range(count)]

    def _child(self, caps: Caps, name: str | None) -> Node:
        self.splits += 1
        name = name if name is not None else f"{self.name}/{self.splits}"
        child = Node(self.tree, name, self, caps)
        self.children[child] = None
        return child

    def ensure_settled(self, *, shared: bool) -> None:
        """Refuse (``BudgetError``) while reservations on this node are open;
        with ``shared``, also those of descendants recorded here."""
        if self.open or (shared and any(self.ledger[RESERVED])):
            raise BudgetError(
                f"budget {self.name!r} has open reservations: commit or release them first"
            )

    def absorb(self, child: Node) -> list[int | None]:
        """Take ``child`` back: return its unspent remainder per carved
        dimension (``None`` for shared ones).

        What the child spent becomes this node's spending; what it held for
        its own children stays held, here, and those children become ours.
        A child that overspent its cap charges the excess here, as a commit
        above its reservation would.
        """
        child.ensure_settled(shared=True)
        # Shared dimensions were recorded here as the child charged them.
        carved = [cap is not None for cap in child.cap]
        spent, _, held = (
            [units if carved[d] else 0 for d, units in enumerate(record)] for record in child.ledger
        )
        caps = [cap or 0 for cap in child.cap]
        self._settle(
            HELD,
            (caps[0] - held[0], caps[1] - held[1], caps[2] - held[2]),
            (spent[0], spent[1], spent[2]),
        )
        del self.children[child]
        for grandchild in child.children:
            grandchild.parent = self
            self.children[grandchild] = None
            grandchild._reroute()
        child.children = {}
        return [max(caps[d] - spent[d] - held[d], 0) if carved[d] else None for d in range(3)]

    def _reroute(self) -> None:
        """Recompute paths here and below after a parent changed."""
        self._find_paths()
        for child in self.children:
            child._reroute()
