"""Random operation sequences on a tree of budgets (hypothesis state machine).

After every step, for every live budget and capped dimension: spent +
reserved exceeds the cap by no more than the overage that budget recorded,
and no overage exists unless some commit went above its reservation. Money
is conserved: the root's cap equals what was charged, plus what open
reservations hold, plus what every budget owning the dimension has free
(cap - spent - reserved). Refused operations change nothing; split,
split_even and reclaim move exact amounts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any

import hypothesis.strategies as st
from hypothesis import settings
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from budgetlint import Amount, Budget, BudgetError, Reservation

Vector = tuple[Decimal, Decimal, Decimal]
"""usd, tokens, calls; whole numbers of tokens and calls as ``Decimal`` too."""
Partial = tuple[Decimal | None, Decimal | None, Decimal | None]

ROOT_CAP: Vector = (Decimal("10"), Decimal(1_000), Decimal(60))
NANO = Decimal("1E-9")
REFUSED = object()


def spelled(data: st.DataObject, amount: Vector) -> tuple[Any, Any, Any]:
    """``amount`` as a caller may pass it: each value as a ``Decimal``, an
    ``int`` (a whole number), a ``float`` (one whose text is the value) or
    a ``str``, so every conversion path (and the fast paths' own) is used."""

    def forms(value: Decimal) -> list[Any]:
        options: list[Any] = [value, str(value)]
        if value == value.to_integral_value():
            options.append(int(value))
        if Decimal(repr(float(value))) == value:
            options.append(float(value))
        return options

    usd, tokens, calls = amount
    return (
        data.draw(st.sampled_from(forms(usd))),
        data.draw(st.sampled_from(forms(tokens))),
        data.draw(st.sampled_from(forms(calls))),
    )


def partial(amount: Amount) -> Partial:
    usd, tokens, calls = amount.usd, amount.tokens, amount.calls
    return (
        usd,
        None if tokens is None else Decimal(tokens),
        None if calls is None else Decimal(calls),
    )


def full(amount: Amount) -> Vector:
    usd, tokens, calls = partial(amount)
    assert usd is not None and tokens is not None and calls is not None
    return (usd, tokens, calls)


@dataclass(eq=False)
class Entry:
    """A live budget handle, the entry it was split from, and its children."""

    budget: Budget
    parent: Entry | None
    children: list[Entry] = field(default_factory=list)


@dataclass(eq=False)
class Open:
    reservation: Reservation
    amount: Vector


usd = st.integers(0, 3_000_000_000).map(lambda units: Decimal(units) * NANO)
tokens = st.integers(0, 400).map(Decimal)
calls = st.integers(0, 3).map(Decimal)


class BudgetTree(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        root = Budget(usd=ROOT_CAP[0], tokens=ROOT_CAP[1], calls=ROOT_CAP[2], name="root")
        self.live = [Entry(root, None)]
        self.open: list[Open] = []
        self.charged = [Decimal(0)] * 3
        self.overcommitted = False

    # --- helpers --------------------------------------------------------------

    def state(self) -> list[tuple[Partial, ...]]:
        return [
            (partial(e.budget.spent), partial(e.budget.reserved), partial(e.budget.remaining))
            for e in self.live
        ]

    def attempt(self, operation: Callable[[], Any]) -> Any:
        """Run ``operation``; if the ledger refuses it, check that nothing
        changed and return :data:`REFUSED`."""
        before = self.state()
        try:
            return operation()
        except BudgetError:
            assert self.state() == before
            return REFUSED

    def charge(self, amount: Vector) -> None:
        self.charged = [total + units for total, units in zip(self.charged, amount, strict=True)]

    def adopt(self, parent: Entry, budget: Budget) -> None:
        entry = Entry(budget, parent)
        parent.children.append(entry)
        self.live.append(entry)

    def retire(self, entry: Entry) -> None:
        """``entry`` was reclaimed or closed: its children move to its parent."""
        parent = entry.parent
        assert parent is not None
        parent.children.remove(entry)
        for child in entry.children:
            child.parent = parent
            parent.children.append(child)
        self.live.remove(entry)

    def take_open(self, data: st.DataObject) -> Open:
        return self.open.pop(data.draw(st.integers(0, len(self.open) - 1)))

    # --- rules ----------------------------------------------------------------

    @rule(data=st.data(), usd=usd, tokens=tokens, calls=calls)
    def spend(self, data: st.DataObject, usd: Decimal, tokens: Decimal, calls: Decimal) -> None:
        entry = data.draw(st.sampled_from(self.live))
        given = spelled(data, (usd, tokens, calls))
        spent = self.attempt(
            lambda: entry.budget.spend(usd=given[0], tokens=given[1], calls=given[2])
        )
        if spent is not REFUSED:
            self.charge((usd, tokens, calls))

    @rule(data=st.data(), usd=usd, tokens=tokens, calls=calls)
    def reserve(self, data: st.DataObject, usd: Decimal, tokens: Decimal, calls: Decimal) -> None:
        entry = data.draw(st.sampled_from(self.live))
        given = spelled(data, (usd, tokens, calls))
        reservation = self.attempt(
            lambda: entry.budget.reserve(usd=given[0], tokens=given[1], calls=given[2])
        )
        if reservation is not REFUSED:
            assert full(reservation.amount) == (usd, tokens, calls)
            self.open.append(Open(reservation, (usd, tokens, calls)))

    @precondition(lambda self: self.open)
    @rule(data=st.data(), share=st.fractions(0, 1))
    def commit_within(self, data: st.DataObject, share: Fraction) -> None:
        held = self.take_open(data)
        usd = (held.amount[0] * share.numerator / share.denominator).quantize(NANO, "ROUND_FLOOR")
        tokens = held.amount[1] * share.numerator // share.denominator
        given = spelled(data, (usd, tokens, held.amount[2]))
        held.reservation.commit(usd=given[0], tokens=given[1])
        self.charge((usd, tokens, held.amount[2]))

    @precondition(lambda self: self.open)
    @rule(data=st.data(), extra_usd=usd, extra_tokens=tokens)
    def commit_above(self, data: st.DataObject, extra_usd: Decimal, extra_tokens: Decimal) -> None:
        held = self.take_open(data)
        actual = (held.amount[0] + extra_usd, held.amount[1] + extra_tokens, held.amount[2])
        given = spelled(data, actual)
        held.reservation.commit(usd=given[0], tokens=given[1], calls=given[2])
        self.charge(actual)
        self.overcommitted = True

    @precondition(lambda self: self.open)
    @rule(data=st.data())
    def release(self, data: st.DataObject) -> None:
        self.take_open(data).reservation.release()

    @rule(data=st.data(), usd=usd, tokens=tokens, calls=calls, which=st.sets(st.integers(0, 2)))
    def split(
        self, data: st.DataObject, usd: Decimal, tokens: Decimal, calls: Decimal, which: set[int]
    ) -> None:
        entry = data.draw(st.sampled_from(self.live))
        wanted: Partial = (
            usd if 0 in which else None,
            tokens if 1 in which else None,
            calls if 2 in which else None,
        )
        child = self.attempt(
            lambda: entry.budget.split(usd=wanted[0], tokens=wanted[1], calls=wanted[2])
        )
        if child is not REFUSED:
            assert partial(child.cap) == wanted
            self.adopt(entry, child)

    @rule(data=st.data(), n=st.integers(1, 4))
    def split_even(self, data: st.DataObject, n: int) -> None:
        entry = data.draw(st.sampled_from(self.live))
        before = partial(entry.budget.remaining)
        kids = self.attempt(lambda: entry.budget.split_even(n))
        if kids is REFUSED:
            assert self.overcommitted  # only recorded overage refuses it
            return
        after = partial(entry.budget.remaining)
        for d, (left, kept, unit) in enumerate(
            zip(before, after, (NANO, Decimal(1), Decimal(1)), strict=True)
        ):
            shares = [partial(kid.cap)[d] for kid in kids]
            if left is None:
                assert shares == [None] * n
                continue
            (share,) = set(shares)
            assert share is not None and kept is not None
            assert share * n + kept == left
            assert kept < n * unit
        for kid in kids:
            self.adopt(entry, kid)

    @precondition(lambda self: len(self.live) > 1)
    @rule(data=st.data())
    def reclaim(self, data: st.DataObject) -> None:
        entry = data.draw(st.sampled_from(self.live[1:]))
        parent = entry.parent
        assert parent is not None
        left = partial(entry.budget.remaining)
        returned = self.attempt(lambda: parent.budget.reclaim(entry.budget))
        if returned is not REFUSED:
            assert partial(returned) == left
            self.retire(entry)

    @precondition(lambda self: len(self.live) > 1)
    @rule(data=st.data())
    def close_child(self, data: st.DataObject) -> None:
        entry = data.draw(st.sampled_from(self.live[1:]))
        spent = full(entry.budget.spent)
        usage = self.attempt(entry.budget.close)
        if usage is not REFUSED:
            assert full(usage.spent) == spent
            self.retire(entry)

    @rule(data=st.data())
    def delegate(self, data: st.DataObject) -> None:
        entry = data.draw(st.sampled_from(self.live))
        entry.budget = entry.budget.delegate()

    def teardown(self) -> None:
        # Reservations are linear: resolve them, or they leak (and warn).
        for held in self.open:
            held.reservation.release()

    # --- invariants -------------------------------------------------------------

    @invariant()
    def caps_hold(self) -> None:
        for entry in self.live:
            budget = entry.budget
            spent, reserved = full(budget.spent), full(budget.reserved)
            overage = full(budget.usage.overage)
            if not self.overcommitted:
                assert overage == (Decimal(0),) * 3
            for d, cap in enumerate(partial(budget.cap)):
                if cap is not None:
                    assert spent[d] + reserved[d] - cap <= overage[d]

    @invariant()
    def money_is_conserved(self) -> None:
        free = [Decimal(0)] * 3
        for entry in self.live:
            spent, reserved = full(entry.budget.spent), full(entry.budget.reserved)
            for d, cap in enumerate(partial(entry.budget.cap)):
                if cap is not None:
                    free[d] += cap - spent[d] - reserved[d]
        for d, root_cap in enumerate(ROOT_CAP):
            held = sum(o.amount[d] for o in self.open)
            assert free[d] + held + self.charged[d] == root_cap


def test_budget_trees_keep_their_invariants() -> None:
    # A function, not BudgetTree.TestCase, so that it runs against each
    # implementation (tests/runtime/conftest.py).
    run_state_machine_as_test(
        BudgetTree, settings=settings(max_examples=150, stateful_step_count=40, deadline=None)
    )
