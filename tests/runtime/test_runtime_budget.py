"""Budget and Reservation: every method and every error path (SPEC section 3)."""

from __future__ import annotations

import copy
import gc
import inspect
import pickle
import sys
import warnings
from decimal import Decimal

import pytest

from budgetlint import (
    Amount,
    Budget,
    BudgetError,
    BudgetExceeded,
    BudgetMovedError,
    Reservation,
    Usage,
)

D = Decimal


def line_of(marker: str) -> int:
    """The line of this file that holds ``marker`` (in a comment)."""
    source, start = inspect.getsourcelines(sys.modules[__name__])
    lines = [n for n, text in enumerate(source, start or 1) if f"# {marker}" in text]
    assert len(lines) == 1, marker
    return lines[0]


def moved_at(marker: str) -> str:
    return f"{__file__}:{line_of(marker)}"


def snapshot(budget: Budget) -> tuple[Amount, Amount, Amount, Usage]:
    return budget.spent, budget.reserved, budget.remaining, budget.usage


# --- construction and views -----------------------------------------------------


def test_a_new_budget_has_its_caps_remaining() -> None:
    budget = Budget(usd=5.00, tokens=200_000, calls=50, name="orchestrator")
    assert budget.name == "orchestrator"
    assert budget.cap == Amount(usd=D("5"), tokens=200_000, calls=50)
    assert budget.spent == Amount(usd=D("0"), tokens=0, calls=0)
    assert budget.reserved == Amount(usd=D("0"), tokens=0, calls=0)
    assert budget.remaining == budget.cap
    assert budget.usage == Usage(
        spent=Amount(D("0"), 0, 0), overage=Amount(D("0"), 0, 0), committed=0, released=0
    )
    assert repr(budget).startswith("<Budget 'orchestrator' remaining Amount(usd=Decimal('5.00')")


def test_uncapped_dimensions_are_counted_not_limited() -> None:
    budget = Budget()
    budget.spend(usd=10**6, tokens=10**9, calls=3)
    assert budget.cap == Amount(None, None, None)
    assert budget.remaining == Amount(None, None, None)
    assert budget.spent == Amount(usd=D("1000000"), tokens=10**9, calls=3)
    assert budget.name == "budget"


@pytest.mark.parametrize(
    ("caps", "error"),
    [({"usd": -1}, ValueError), ({"tokens": 0.5}, ValueError), ({"calls": True}, TypeError)],
)
def test_bad_caps_are_refused(caps: dict[str, object], error: type[Exception]) -> None:
    with pytest.raises(error):
        Budget(**caps)  # type: ignore[arg-type]


# --- spend ----------------------------------------------------------------------


def test_spend_charges_one_call_unless_told() -> None:
    budget = Budget(usd=1, tokens=1000, calls=5)
    budget.spend(usd=0.01, tokens=900)
    budget.spend(usd="0.02", calls=0)
    budget.spend(tokens=100, calls=2)
    assert budget.spent == Amount(usd=D("0.03"), tokens=1000, calls=3)
    assert budget.remaining == Amount(usd=D("0.97"), tokens=0, calls=2)


def test_a_refused_spend_changes_nothing() -> None:
    budget = Budget(usd=1, tokens=100, calls=5, name="b")
    budget.spend(usd=0.5, tokens=50)
    before = snapshot(budget)
    with pytest.raises(BudgetExceeded) as caught:
        budget.spend(usd=0.1, tokens=51)  # usd fits, tokens do not: nothing is charged
    assert caught.value.budget == "b"
    assert caught.value.dimension == "tokens"
    assert str(caught.value) == "spend of 51 tokens refused: budget 'b' has 50 tokens left"
    assert snapshot(budget) == before


def test_spend_up_to_the_cap_exactly() -> None:
    budget = Budget(usd=0.05, calls=2)
    budget.spend(usd=0.03)
    budget.spend(usd=0.02)
    with pytest.raises(BudgetExceeded, match=r"spend of \$0.000000001 refused") as caught:
        budget.spend(usd=D("0.000000001"), calls=0)
    assert caught.value.dimension == "usd"
    with pytest.raises(BudgetExceeded, match="calls"):
        budget.spend()


@pytest.mark.parametrize(
    ("amounts", "error"),
    [
        ({"usd": -0.01}, ValueError),
        ({"usd": float("nan")}, ValueError),
        ({"tokens": -1}, ValueError),
        ({"calls": 1.5}, ValueError),
        ({"usd": b"1"}, TypeError),
    ],
)
def test_bad_amounts_are_refused_before_anything_changes(
    amounts: dict[str, object], error: type[Exception]
) -> None:
    budget = Budget(usd=1, tokens=10, calls=10)
    before = snapshot(budget)
    with pytest.raises(error):
        budget.spend(**amounts)  # type: ignore[arg-type]
    with pytest.raises(error):
        budget.reserve(**amounts)  # type: ignore[arg-type]
    assert snapshot(budget) == before


# --- reserve, commit, release -------------------------------------------------------


def test_reserve_holds_and_commit_refunds_the_difference() -> None:
    budget = Budget(usd=5.00, tokens=200_000, calls=50)
    reservation = budget.reserve(usd=0.05, tokens=4_000)
    assert reservation.amount == Amount(usd=D("0.05"), tokens=4_000, calls=1)
    assert budget.reserved == Amount(usd=D("0.05"), tokens=4_000, calls=1)
    assert budget.remaining == Amount(usd=D("4.95"), tokens=196_000, calls=49)
    assert repr(reservation) == f"<Reservation {reservation.amount}>"
    reservation.commit(usd=0.031, tokens=2_480)
    assert budget.spent == Amount(usd=D("0.031"), tokens=2_480, calls=1)
    assert budget.reserved == Amount(usd=D("0"), tokens=0, calls=0)
    assert budget.remaining == Amount(usd=D("4.969"), tokens=197_520, calls=49)
    assert budget.usage.committed == 1


def test_commit_charges_left_out_dimensions_as_reserved() -> None:
    budget = Budget(usd=1, tokens=1000)
    budget.reserve(usd=0.10, tokens=300, calls=2).commit(usd=0.04)
    assert budget.spent == Amount(usd=D("0.04"), tokens=300, calls=2)
    budget.reserve(usd=0.10).commit()
    assert budget.spent == Amount(usd=D("0.14"), tokens=300, calls=3)


def test_release_gives_everything_back() -> None:
    budget = Budget(usd=1, calls=3)
    reservation = budget.reserve(usd=0.5)
    reservation.release()
    assert budget.remaining == Amount(usd=D("1"), tokens=None, calls=3)
    assert budget.spent == Amount(usd=D("0"), tokens=0, calls=0)
    assert budget.usage.released == 1


def test_a_refused_reserve_changes_nothing() -> None:
    budget = Budget(usd=1, name="b")
    held = budget.reserve(usd=0.7)
    before = snapshot(budget)
    refusal = r"reserve of \$0.40 refused: budget 'b' has \$0.30 left"
    with pytest.raises(BudgetExceeded, match=refusal):
        budget.reserve(usd=0.4)
    assert snapshot(budget) == before
    held.release()


def test_a_reservation_is_consumed_once() -> None:
    budget = Budget(usd=1)
    reservation = budget.reserve(usd=0.1)
    reservation.commit(usd=0.1)  # first commit
    with pytest.raises(BudgetMovedError, match=rf"{moved_at('first commit')} \(commit\(\)\)"):
        reservation.commit(usd=0.1)
    with pytest.raises(BudgetMovedError):
        reservation.release()
    with pytest.raises(BudgetMovedError):
        _ = reservation.amount
    assert budget.spent.usd == D("0.10")
    released = budget.reserve(usd=0.1)
    released.release()  # the release
    with pytest.raises(BudgetMovedError, match=rf"{moved_at('the release')} \(release\(\)\)"):
        released.commit()


def test_a_consumed_reservation_refuses_even_an_unbound_call() -> None:
    budget = Budget(usd=1)
    reservation = budget.reserve(usd=0.1)
    reservation.commit(usd=0.1)  # committed once
    before = snapshot(budget)
    for call in (
        lambda: Reservation.commit(reservation, usd=0.1),
        lambda: Reservation.release(reservation),
    ):
        with pytest.raises(BudgetMovedError, match=moved_at("committed once")):
            call()
    assert snapshot(budget) == before


def test_resolved_reservations_do_not_warn_when_collected() -> None:
    budget = Budget(usd=1)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        budget.reserve(usd=0.1).commit(usd=0.05)
        budget.reserve(usd=0.1).release()
        with budget.reserve(usd=0.1):
            pass
        gc.collect()
    assert caught == []
    assert budget.usage.released == 2


def test_a_commit_refused_for_bad_input_consumes_nothing() -> None:
    budget = Budget(usd=1)
    reservation = budget.reserve(usd=0.1)
    with pytest.raises(ValueError, match="negative"):
        reservation.commit(usd=-1)
    reservation.commit(usd=0.05)
    assert budget.spent.usd == D("0.05")


def test_reservations_are_made_by_reserve_only() -> None:
    with pytest.raises(TypeError, match=r"Budget.reserve\(\)"):
        Reservation()


def test_a_reservation_block_releases_unless_committed() -> None:
    budget = Budget(usd=1)
    with budget.reserve(usd=0.05) as reservation:
        reservation.commit(usd=0.02)
    with budget.reserve(usd=0.05) as unused:  # block end
        pass
    assert budget.spent.usd == D("0.02")
    assert budget.reserved.usd == 0
    assert budget.usage == Usage(
        spent=Amount(D("0.02"), 0, 1), overage=Amount(D("0"), 0, 0), committed=1, released=1
    )
    with pytest.raises(BudgetMovedError, match=moved_at("block end")):
        unused.commit()
    with pytest.raises(BudgetMovedError), unused:
        pass


def test_a_reservation_block_that_raises_releases_and_propagates() -> None:
    budget = Budget(usd=1)
    with pytest.raises(KeyError), budget.reserve(usd=0.5):
        raise KeyError("llm failed")
    assert budget.remaining.usd == 1
    assert budget.usage.released == 1


# --- overage ----------------------------------------------------------------------


def test_commit_above_the_reservation_is_covered_by_the_remainder_first() -> None:
    budget = Budget(usd=1)
    budget.reserve(usd=0.1).commit(usd=0.6)
    assert budget.spent.usd == D("0.60")
    assert budget.usage.overage.usd == 0
    budget.spend(usd=0.1)  # not blocked: nothing went over


def test_overage_is_charged_recorded_and_blocking() -> None:
    budget = Budget(usd=1, tokens=100, name="b")
    other = budget.reserve(usd=0.3)
    reservation = budget.reserve(usd=0.5)
    reservation.commit(usd=0.9, tokens=10)  # 0.2 left unreserved: 0.2 is overage
    assert budget.spent == Amount(usd=D("0.90"), tokens=10, calls=1)
    assert budget.usage.overage == Amount(usd=D("0.20"), tokens=0, calls=0)
    assert budget.remaining.usd == 0
    for refused in (
        lambda: budget.spend(usd=0, calls=0),
        lambda: budget.reserve(tokens=1),
        lambda: budget.split(tokens=1),
        lambda: budget.split_even(2),
    ):
        with pytest.raises(BudgetExceeded, match="'b' is over its cap") as caught:
            refused()
        assert caught.value.dimension is None
    other.commit(usd=0.1)  # resolving what is open is still allowed
    usage = budget.close()
    assert usage.overage.usd == D("0.20")
    assert usage.spent.usd == D("1.00")


# --- split ------------------------------------------------------------------------


def test_split_carves_the_named_dimensions_out_of_the_remainder() -> None:
    parent = Budget(usd=5, tokens=1000, name="p")
    child = parent.split(usd=1)
    assert child.name == "p/1"
    assert child.cap == Amount(usd=D("1"), tokens=None, calls=None)
    assert parent.reserved == Amount(usd=D("1"), tokens=0, calls=0)
    assert parent.remaining == Amount(usd=D("4"), tokens=1000, calls=None)
    child.spend(usd=0.25, tokens=600)
    # tokens are shared: charged and checked at the parent too
    assert parent.spent == Amount(usd=D("0"), tokens=600, calls=1)
    assert parent.remaining == Amount(usd=D("4"), tokens=400, calls=None)
    with pytest.raises(BudgetExceeded, match="budget 'p' has 400 tokens left") as caught:
        child.spend(tokens=401)
    assert caught.value.budget == "p"
    with pytest.raises(BudgetExceeded, match=r"budget 'p/1' has \$0.75 left"):
        child.spend(usd=0.76)
    named = parent.split(usd=1, tokens=100, calls=3, name="worker")
    assert named.name == "worker"
    assert named.cap == Amount(usd=D("1"), tokens=100, calls=3)
    assert parent.remaining == Amount(usd=D("3"), tokens=300, calls=None)


def test_a_refused_split_changes_nothing() -> None:
    parent = Budget(usd=1, tokens=10)
    before = snapshot(parent)
    with pytest.raises(BudgetExceeded, match="split of 11 tokens refused"):
        parent.split(usd=0.5, tokens=11)
    assert snapshot(parent) == before


def test_split_even_divides_the_whole_remainder_to_the_unit() -> None:
    parent = Budget(usd=1, tokens=10, calls=7)
    parent.spend(usd=0.1, tokens=0, calls=0)
    kids = parent.split_even(3)
    share = Amount(usd=D("0.3"), tokens=3, calls=2)
    assert [kid.cap for kid in kids] == [share] * 3
    assert [kid.name for kid in kids] == ["budget/1", "budget/2", "budget/3"]
    # the indivisible rest stays with the parent
    assert parent.remaining == Amount(usd=D("0"), tokens=1, calls=1)
    assert parent.reserved == Amount(usd=D("0.9"), tokens=9, calls=6)

    thirds = Budget(usd=1).split_even(3)
    assert {kid.cap.usd for kid in thirds} == {D("0.333333333")}


def test_split_even_shares_uncapped_dimensions() -> None:
    parent = Budget(usd=1)
    (kid,) = parent.split_even(1)
    assert kid.cap == Amount(usd=D("1"), tokens=None, calls=None)
    kid.spend(usd=0.5, tokens=7)
    assert parent.spent == Amount(usd=D("0"), tokens=7, calls=1)


@pytest.mark.parametrize(
    ("n", "error"), [(0, ValueError), (-2, ValueError), (2.0, TypeError), (True, TypeError)]
)
def test_split_even_needs_a_positive_int(n: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        Budget(usd=1).split_even(n)  # type: ignore[arg-type]


# --- reclaim ----------------------------------------------------------------------


def test_reclaim_returns_exactly_the_unspent_remainder() -> None:
    parent = Budget(usd=2, tokens=100)
    child = parent.split(usd=1, tokens=40)
    child.spend(usd=0.3, tokens=15)
    returned = parent.reclaim(child)  # reclaimed
    assert returned == Amount(usd=D("0.7"), tokens=25, calls=None)
    assert parent.spent == Amount(usd=D("0.3"), tokens=15, calls=1)
    assert parent.reserved == Amount(usd=D("0"), tokens=0, calls=0)
    assert parent.remaining == Amount(usd=D("1.7"), tokens=85, calls=None)
    with pytest.raises(BudgetMovedError, match=rf"{moved_at('reclaimed')} \(reclaim\(\)\)"):
        child.spend(usd=0.1)


def test_reclaim_is_refused_while_reservations_are_open() -> None:
    parent = Budget(usd=2)
    child = parent.split(usd=1)
    reservation = child.reserve(usd=0.2)
    with pytest.raises(BudgetError, match="open reservations"):
        parent.reclaim(child)
    child.spend(usd=0.1)  # not consumed by the refused reclaim
    reservation.commit(usd=0.2)
    assert parent.reclaim(child).usd == D("0.7")


def test_reclaim_is_refused_while_a_shared_grandchild_has_a_reservation() -> None:
    parent = Budget(usd=2)
    child = parent.split(usd=1)
    grandchild = child.split()  # shares everything with child
    reservation = grandchild.reserve(usd=0.2)
    with pytest.raises(BudgetError, match="open reservations"):
        parent.reclaim(child)
    reservation.release()
    parent.reclaim(child)
    grandchild.spend(usd=0.1)


def test_reclaim_takes_only_direct_children_of_the_same_tree() -> None:
    parent = Budget(usd=2)
    child = parent.split(usd=1)
    grandchild = child.split(usd=0.5)
    sibling = parent.split(usd=0.5)
    stranger = Budget(usd=1)
    for wrong in (grandchild, stranger, parent):
        with pytest.raises(ValueError, match="was not split from"):
            parent.reclaim(wrong)
    with pytest.raises(ValueError, match="was not split from"):
        sibling.reclaim(child)
    with pytest.raises(TypeError, match="takes a Budget"):
        parent.reclaim("child")  # type: ignore[arg-type]
    grandchild.spend(usd=0.1)  # nothing was consumed


def test_reclaiming_a_child_adopts_its_children() -> None:
    parent = Budget(usd=3)
    child = parent.split(usd=2)
    grandchild = child.split(usd=1)
    grandchild.spend(usd=0.25)
    child.spend(usd=0.5)
    assert parent.reclaim(child).usd == D("0.5")
    assert parent.reserved.usd == 1  # still held, now for the grandchild
    assert parent.spent.usd == D("0.5")
    assert parent.reclaim(grandchild).usd == D("0.75")
    assert parent.spent.usd == D("0.75")
    assert parent.remaining.usd == D("2.25")


def test_an_overspent_child_charges_its_parent_on_reclaim() -> None:
    parent = Budget(usd=1)
    child = parent.split(usd=0.5)
    child.reserve(usd=0.1).commit(usd=0.6)  # 0.1 over the child's cap
    assert child.usage.overage.usd == D("0.1")
    assert parent.reclaim(child).usd == 0
    assert parent.spent.usd == D("0.6")
    assert parent.remaining.usd == D("0.4")
    assert parent.usage.overage.usd == 0  # the parent could cover it

    tight = Budget(usd=1)
    first = tight.split(usd=0.5)
    tight.spend(usd=0.5, calls=0)
    first.reserve(usd=0.5).commit(usd=0.7)
    tight.reclaim(first)
    assert tight.usage.overage.usd == D("0.2")
    with pytest.raises(BudgetExceeded, match="over its cap"):
        tight.spend(calls=0)


def test_overage_in_a_shared_dimension_blocks_the_owner_and_its_sharers() -> None:
    parent = Budget(usd=1, tokens=100, name="p")
    child = parent.split(usd=0.5)
    child.reserve(tokens=50).commit(tokens=120)
    assert parent.usage.overage.tokens == 20
    for budget in (parent, child):
        with pytest.raises(BudgetExceeded, match="'p' is over its cap"):
            budget.spend(usd=0.01)


# --- delegate and close -------------------------------------------------------------


def test_delegate_moves_the_whole_budget_to_a_new_handle() -> None:
    budget = Budget(usd=1, name="b")
    budget.spend(usd=0.25)
    held = budget.reserve(usd=0.25)
    owner = budget.delegate()  # delegated
    assert owner.name == "b"
    assert owner.spent.usd == D("0.25")
    assert owner.remaining.usd == D("0.5")
    held.commit()
    assert owner.spent.usd == D("0.5")
    with pytest.raises(BudgetMovedError, match=rf"{moved_at('delegated')} \(delegate\(\)\)"):
        budget.spend(usd=0.1)
    with pytest.raises(BudgetMovedError):
        budget.delegate()
    assert repr(budget).startswith("<moved Budget: moved at")


def test_close_returns_the_usage_and_consumes() -> None:
    budget = Budget(usd=1)
    budget.spend(usd=0.1)
    budget.reserve(usd=0.2).commit(usd=0.15)
    budget.reserve(usd=0.2).release()
    usage = budget.close()  # closed
    assert usage == Usage(
        spent=Amount(usd=D("0.25"), tokens=0, calls=2),
        overage=Amount(usd=D("0"), tokens=0, calls=0),
        committed=1,
        released=1,
    )
    with pytest.raises(BudgetMovedError, match=rf"{moved_at('closed')} \(close\(\)\)"):
        _ = budget.remaining


def test_close_is_refused_while_reservations_are_open() -> None:
    budget = Budget(usd=1)
    reservation = budget.reserve(usd=0.1)
    with pytest.raises(BudgetError, match="open reservations"):
        budget.close()
    reservation.release()
    budget.close()


def test_closing_a_child_gives_its_remainder_back() -> None:
    parent = Budget(usd=1)
    child = parent.split(usd=0.5)
    child.spend(usd=0.125)
    assert child.close().spent.usd == D("0.125")
    assert parent.remaining.usd == D("0.875")
    assert parent.spent.usd == D("0.125")


def test_a_budget_block_closes_it() -> None:
    with Budget(usd=1) as scoped:  # scope
        scoped.spend(usd=0.5)
    with pytest.raises(BudgetMovedError, match=rf"{moved_at('scope')} \(closed at the end"):
        scoped.spend(usd=0.1)
    with pytest.raises(BudgetMovedError), scoped:
        pass

    parent = Budget(usd=1)
    with parent.split(usd=0.5) as child:
        child.spend(usd=0.2)
    assert parent.remaining.usd == D("0.8")


def test_a_budget_consumed_inside_its_block_is_left_alone() -> None:
    with Budget(usd=1) as budget:
        owner = budget.delegate()
    assert owner.remaining.usd == 1


def test_a_budget_block_does_not_hide_an_exception_behind_an_open_reservation() -> None:
    with pytest.raises(KeyError), Budget(usd=1) as budget:
        reservation = budget.reserve(usd=0.1)
        raise KeyError("llm failed")
    reservation.release()  # the budget stayed open
    budget.close()

    with pytest.raises(BudgetError, match="open reservations"), Budget(usd=1) as other:
        pending = other.reserve(usd=0.1)
    pending.release()


# --- copies, leaks, locks -------------------------------------------------------------


def test_budgets_and_reservations_cannot_be_copied() -> None:
    budget = Budget(usd=1)
    reservation = budget.reserve(usd=0.1)
    for value in (budget, reservation):
        for duplicate in (copy.copy, copy.deepcopy, pickle.dumps):
            with pytest.raises(TypeError, match="cannot be copied or pickled"):
                duplicate(value)
        with pytest.raises(TypeError, match="cannot be copied or pickled"):
            value.__replace__()  # type: ignore[union-attr]
    reservation.release()


def test_a_leaked_reservation_is_released_with_a_warning() -> None:
    budget = Budget(usd=1)

    def leak() -> None:
        budget.reserve(usd=0.4)

    with pytest.warns(ResourceWarning, match="Reservation was garbage-collected"):
        leak()
        gc.collect()
    assert budget.remaining.usd == 1
    assert budget.usage.released == 1


def test_a_reservation_leaked_while_its_lock_is_held_is_released_later() -> None:
    budget = Budget(usd=1)
    reservation = budget.reserve(usd=0.4)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        # The collector may finalize a reservation in the middle of a ledger
        # operation on the same tree; it must not wait for the lock.
        with budget._tree.lock:
            del reservation
            gc.collect()
    assert [w.category for w in caught] == [ResourceWarning]
    assert budget.remaining.usd == 1
