"""``Budget`` and ``Reservation``: the runtime API of SPEC section 3.

Both are declared with the ownership decorators, so the static checkers
learn them by reading this file, exactly as they learn user classes:
``Budget`` is ``@affine``, ``Reservation`` is ``@linear``, and their
consuming methods are ``@consumes``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import TracebackType
from typing import TypeVar

# typing_extensions only where typing lacks Self: importing it costs agents
# more than the rest of budgetlint does.
if sys.version_info >= (3, 11):
    from typing import Self
else:
    from typing_extensions import Self

from budgetlint.runtime import fastpath
from budgetlint.runtime.errors import BudgetError, BudgetMovedError
from budgetlint.runtime.ledger import (
    CALLS,
    RESERVED,
    SPENT,
    TOKENS,
    USD,
    Caps,
    Node,
    Tree,
    Units,
    amount,
)
from budgetlint.runtime.money import (
    FLOAT_USD_UNITS,
    Amount,
    Quantity,
    Usage,
    count_units,
    usd_units,
)
from budgetlint.runtime.ownership import (
    affine,
    consume_here,
    consumes,
    ensure_live,
    is_moved,
    linear,
    moves_self,
)

T = TypeVar("T")


def _caps(usd: Quantity | None, tokens: Quantity | None, calls: Quantity | None) -> Caps:
    """Caps in ledger units."""
    return (
        None if usd is None else usd_units(usd),
        None if tokens is None else count_units(tokens, "tokens"),
        None if calls is None else count_units(calls, "calls"),
    )


_ONE_CALL: Units = (0, 0, 1)
"""What ``spend`` and ``reserve`` charge in a dimension they are not told."""


def _units(
    usd: Quantity | None, tokens: Quantity | None, calls: Quantity | None, default: Units
) -> Units:
    """Amounts in ledger units, ``default``'s where an argument is ``None``."""
    if usd is None:
        dollars = default[USD]
    elif type(usd) is float:
        dollars = FLOAT_USD_UNITS[usd]  # a price seen before is one lookup
    else:
        dollars = usd_units(usd)
    return (
        dollars,
        default[TOKENS] if tokens is None else count_units(tokens, "tokens"),
        default[CALLS] if calls is None else count_units(calls, "calls"),
    )


def _remaining(node: Node) -> Amount:
    return amount([node.remaining(d) for d in (USD, TOKENS, CALLS)])


def _concurrently_consumed(what: str) -> BudgetMovedError:
    return BudgetMovedError(f"{what} was consumed by a concurrent call")


@affine
class Budget:
    """A spending cap in dollars, tokens and calls; one handle owns it.

    ``Budget(usd=5, tokens=200_000, calls=50, name="orchestrator")``: any cap
    may be ``None`` (that dimension is counted, not limited). Amounts accept
    ``int``, ``float``, ``Decimal`` or ``str``; see
    :mod:`budgetlint.runtime.money` for exactness and rounding.

    Accounting:

    * ``spend``/``reserve`` charge one call unless ``calls=`` says otherwise.
    * ``cap == spent + reserved + remaining`` in every capped dimension until
      overage is recorded. ``reserved`` counts open reservations and what live
      child budgets were given.
    * ``split`` *carves* each dimension it names: the child's cap comes out
      of this budget's remainder and is held here until the child is
      reclaimed or closed. Dimensions it does not name are *shared*: the
      child has no cap of its own there (``None``), and its charges are
      checked against, and recorded in, this budget as well.
    * ``reclaim(child)`` and ``child.close()`` give the child's unspent
      remainder back and add what it spent to this budget's ``spent``; the
      child's own children become this budget's children.
    * ``commit`` above its reservation charges the actual amount; what this
      budget's remainder cannot cover is recorded as overage, after which the
      budget (and every budget sharing a dimension with it) refuses new
      charges with ``BudgetExceeded``.

    Every operation is atomic across threads and asyncio tasks (one lock per
    tree of budgets; nothing awaits while holding it). Copying or pickling a
    budget raises ``TypeError``; after a consuming call (``delegate``,
    ``close``, being passed to ``reclaim``) the old handle raises
    ``BudgetMovedError``.
    """

    __slots__ = ("__weakref__", "_node", "_tree")

    _tree: Tree
    _node: Node | None

    def __init__(
        self,
        *,
        usd: Quantity | None = None,
        tokens: Quantity | None = None,
        calls: Quantity | None = None,
        name: str = "budget",
    ) -> None:
        self._tree = Tree()
        self._node = Node(self._tree, name, None, _caps(usd, tokens, calls))

    @classmethod
    def _adopt(cls, tree: Tree, node: Node) -> Budget:
        """A new handle owning ``node``."""
        handle = object.__new__(Budget)
        handle._tree = tree
        handle._node = node
        return handle

    def _live(self) -> Node:
        """This handle's node; call with the tree's lock held."""
        tree = self._tree
        if tree.leaked:
            tree.settle_leaks()
        node = self._node
        if node is None:
            raise _concurrently_consumed("this Budget")
        return node

    def _read(self, view: Callable[[Node], T]) -> T:
        with self._tree.lock:
            return view(self._live())

    # --- borrowing operations ---------------------------------------------

    def spend(
        self,
        *,
        usd: Quantity | None = None,
        tokens: Quantity | None = None,
        calls: Quantity | None = None,
    ) -> None:
        """Charge at once (one call by default). Refused whole, with
        ``BudgetExceeded``, if any cap would be passed."""
        charges = _units(usd, tokens, calls, _ONE_CALL)
        with self._tree.lock:
            self._live().charge(SPENT, charges, "spend")

    def reserve(
        self,
        *,
        usd: Quantity | None = None,
        tokens: Quantity | None = None,
        calls: Quantity | None = None,
    ) -> Reservation:
        """Hold an estimate (one call by default) until it is committed or
        released. Refused whole, with ``BudgetExceeded``, if any cap would
        be passed."""
        charges = _units(usd, tokens, calls, _ONE_CALL)
        tree = self._tree
        with tree.lock:
            node = self._live()
            node.charge(RESERVED, charges, "reserve")
            node.open += 1
        # Made here, the one place that makes them (Reservation() refuses).
        reservation = object.__new__(Reservation)
        reservation._tree = tree
        reservation._node = node
        reservation._amounts = charges
        return reservation

    def split(
        self,
        *,
        usd: Quantity | None = None,
        tokens: Quantity | None = None,
        calls: Quantity | None = None,
        name: str | None = None,
    ) -> Budget:
        """A child budget carved out of this one's remainder.

        Each named dimension becomes the child's cap and is held here; the
        others are shared (see the class docstring). ``BudgetExceeded`` if
        the remainder is too small. The child is named ``name``, or
        ``"<this name>/<n>"``.
        """
        caps = _caps(usd, tokens, calls)
        tree = self._tree
        with tree.lock:
            child = self._live().split(caps, name)
        return Budget._adopt(tree, child)

    def split_even(self, n: int) -> list[Budget]:
        """This budget's whole remainder as ``n`` equal children.

        Every capped dimension is divided down to the ledger's unit
        (nano-dollars, single tokens and calls); this budget keeps the
        indivisible rest. Uncapped dimensions are shared with the children.
        """
        if isinstance(n, bool) or not isinstance(n, int):
            raise TypeError(f"split_even takes an int, not {n!r}")
        if n < 1:
            raise ValueError(f"split_even needs at least one child, not {n}")
        tree = self._tree
        with tree.lock:
            children = self._live().split_even(n)
        return [Budget._adopt(tree, child) for child in children]

    @consumes("child")
    def reclaim(self, child: Budget) -> Amount:
        """Take back ``child`` (consuming it); return its unspent remainder.

        Each carved dimension's remainder is returned to this budget (and in
        the result); shared dimensions are ``None``. ``child`` must have been
        split from this budget; reclaiming it while reservations on it are
        open raises ``BudgetError`` and consumes nothing.
        """
        if not isinstance(child, Budget):
            raise TypeError(f"reclaim takes a Budget, not {child!r}")
        tree = self._tree
        if child._tree is not tree:
            raise ValueError("reclaim: that budget was not split from this one")
        with tree.lock:
            node = self._live()
            child_node = child._live()
            if child_node.parent is not node:
                raise ValueError(
                    f"reclaim: budget {child_node.name!r} was not split from {node.name!r}"
                )
            returned = node.absorb(child_node)
            child._node = None
        return amount(returned)

    # --- consuming operations ---------------------------------------------

    @consumes
    def delegate(self) -> Budget:
        """Move this budget to a new handle (consuming this one)."""
        tree = self._tree
        with tree.lock:
            node = self._live()
            self._node = None
        return Budget._adopt(tree, node)

    @consumes
    def close(self) -> Usage:
        """Finish with this budget (consuming it) and return its usage.

        A budget split from another gives its unspent remainder back to it,
        as ``reclaim`` would. Raises ``BudgetError`` and consumes nothing
        while reservations on it are open.
        """
        return self._close()

    def _close(self) -> Usage:
        with self._tree.lock:
            node = self._live()
            parent = node.parent
            if parent is None:
                node.ensure_settled(shared=False)
            else:
                parent.absorb(node)
            self._node = None
            return node.usage()

    # --- views ---------------------------------------------------------------

    @property
    def name(self) -> str:
        """The budget's name, for messages."""
        return self._read(lambda node: node.name)

    @property
    def cap(self) -> Amount:
        """The caps (``None`` where a dimension is uncapped or shared)."""
        return self._read(lambda node: amount(node.cap))

    @property
    def spent(self) -> Amount:
        """Everything charged: spends, commits, shared charges of children
        and what reclaimed children spent."""
        return self._read(lambda node: amount(node.ledger[SPENT]))

    @property
    def reserved(self) -> Amount:
        """Held by open reservations and by live children."""
        return self._read(lambda node: amount(node.reserved_and_held()))

    @property
    def remaining(self) -> Amount:
        """What can still be charged here (``None`` where uncapped or shared)."""
        return self._read(_remaining)

    @property
    def usage(self) -> Usage:
        """The usage so far, as ``close()`` would return it."""
        return self._read(Node.usage)

    # --- protocols -------------------------------------------------------------

    def __enter__(self) -> Self:
        ensure_live(self)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        """Close the budget, unless it was consumed inside the block.

        If the block raised and the budget cannot be closed (a reservation
        is still open), it stays open rather than hide that exception.
        """
        if is_moved(self):
            return
        try:
            self._close()
        except BudgetError:
            if exc_type is None:
                raise
            return
        consume_here(self, "closed at the end of its with block")

    def __repr__(self) -> str:
        return self._read(lambda node: f"<Budget {node.name!r} remaining {_remaining(node)}>")


@linear
class Reservation:
    """Funds held by ``Budget.reserve()`` for one call; consume it exactly once.

    ``commit(...)`` charges what the call actually cost and gives back the
    rest; ``release()`` gives back everything. ``with budget.reserve(...) as
    r:`` releases ``r`` at the end of the block unless it was committed
    inside. A reservation garbage-collected unconsumed is released, with a
    ``ResourceWarning``. Reservations are made only by ``Budget.reserve``.
    """

    __slots__ = ("__weakref__", "_amounts", "_node", "_tree")

    _tree: Tree
    _node: Node | None
    """``None`` once committed, released or leaked."""
    _amounts: Units

    def __new__(cls, *args: object, **kwargs: object) -> Self:
        # An instance not made by reserve() would hold no funds yet still
        # report a leak when collected: refuse to make one at all.
        raise TypeError("reservations are made by Budget.reserve()")

    @property
    def amount(self) -> Amount:
        """What this reservation holds."""
        return amount(self._amounts)

    @consumes
    @moves_self
    def commit(
        self,
        *,
        usd: Quantity | None = None,
        tokens: Quantity | None = None,
        calls: Quantity | None = None,
    ) -> None:
        """Charge the actual cost (consuming the reservation).

        A dimension left out is charged as reserved. Less than reserved gives
        the difference back; more is charged anyway, and what the budget
        cannot cover is recorded as overage.
        """
        reserved = self._amounts  # first: a moved reservation raises here
        actual = _units(usd, tokens, calls, reserved)
        with self._tree.lock:
            self._live().commit(reserved, actual)
        consume_here(self, "commit()")

    @consumes
    @moves_self
    def release(self) -> None:
        """Give everything back (consuming the reservation)."""
        self._release()  # first: a moved reservation raises here
        consume_here(self, "release()")

    def _release(self) -> None:
        with self._tree.lock:
            self._live().release(self._amounts)

    def _live(self) -> Node:
        """Close this reservation and return its node; call with the lock held."""
        tree = self._tree
        if tree.leaked:
            tree.settle_leaks()
        node = self._node
        if node is None:
            raise _concurrently_consumed("this Reservation")
        self._node = None
        return node

    def __budgetlint_leaked__(self) -> None:
        # Called from __del__, maybe under this tree's lock: queue, never lock.
        node = self._node
        if node is not None:
            self._node = None
            self._tree.leaked.append((node, self._amounts))

    def __enter__(self) -> Self:
        ensure_live(self)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        """Release the reservation unless it was consumed inside the block."""
        if is_moved(self):
            return
        self._release()
        consume_here(self, "released at the end of its with block")

    def __repr__(self) -> str:
        return f"<Reservation {self.amount}>"


# Last, once both classes exist: the compiled fast paths, if they were built.
fastpath.install(Budget, Reservation, Node, Tree)
