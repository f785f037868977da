"""The compiled fast paths: built where they can be, and indistinguishable
from the Python methods they stand in for."""

from __future__ import annotations

import inspect
import linecache
import os
import shutil
import sysconfig
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import hypothesis.strategies as st
import pytest
from hypothesis import given, settings

from budgetlint import Budget, BudgetExceeded, BudgetMovedError, Reservation
from budgetlint.runtime import fastpath
from budgetlint.runtime.ownership import CONSUMES_ATTRIBUTE

compiled_only = pytest.mark.skipif(not fastpath.AVAILABLE, reason="not built here")


def test_the_fast_paths_are_built_where_a_c_compiler_is() -> None:
    compiler = (sysconfig.get_config_var("CC") or "cc").split()[0]
    if os.environ.get("BUDGETLINT_PURE_PYTHON") or shutil.which(compiler) is None:
        pytest.skip("pure Python asked for, or no C compiler here")
    assert fastpath.AVAILABLE


@compiled_only
@pytest.mark.parametrize(
    ("cls", "name"),
    [(Budget, "spend"), (Budget, "reserve"), (Reservation, "commit"), (Reservation, "release")],
)
def test_a_fast_method_presents_the_python_one(implementation: str, cls: type, name: str) -> None:
    method = cls.__dict__[name]
    python = getattr(method, "__wrapped__", method)
    assert method.__name__ == python.__name__ == name
    assert method.__qualname__ == python.__qualname__
    assert method.__doc__ == python.__doc__
    assert inspect.signature(method) == inspect.signature(python)
    assert getattr(method, CONSUMES_ATTRIBUTE, None) == getattr(python, CONSUMES_ATTRIBUTE, None)
    assert (method is not python) == (implementation == "compiled")


def test_the_methods_are_called_every_way_a_method_is() -> None:
    budget = Budget(usd=1)
    spend = budget.spend
    spend(usd=0.25)
    Budget.spend(budget, usd="0.25")
    reservation = Budget.reserve(budget, usd=0.25)
    Reservation.commit(reservation, usd=0.125)
    assert budget.spent.usd == Decimal("0.625")
    with budget.reserve(usd=0.25) as held:
        commit = held.commit
        commit()
    assert budget.remaining.usd == Decimal("0.125")


@pytest.mark.parametrize(
    "call",
    [
        lambda b, r: b.spend(1),
        lambda b, r: b.reserve(usd=1, cost=2),
        lambda b, r: r.commit(1),
        lambda b, r: r.release(usd=1),
    ],
)
def test_wrong_arguments_fail_as_in_python(
    call: Callable[[Budget, Reservation], object],
) -> None:
    budget = Budget(usd=10)
    reservation = budget.reserve(usd=1)
    with pytest.raises(TypeError, match="argument"):
        call(budget, reservation)
    reservation.release()  # the failed calls consumed nothing
    assert budget.reserved.usd == 0


def test_each_move_names_its_own_line() -> None:
    # Two sites taking turns: the compiled methods remember the last site's
    # tombstone class, and must not hand it to the other site's moves.
    budget = Budget(usd=1)
    moved = []
    for _ in range(3):
        first, second = budget.reserve(usd=0.01), budget.reserve(usd=0.01)
        first.commit()  # first site
        second.release()  # second site
        moved += [(first, "# first site"), (second, "# second site")]
    for reservation, site in moved:
        with pytest.raises(BudgetMovedError) as caught:
            reservation.commit()
        assert caught.value.filename is not None and caught.value.lineno is not None
        assert site in linecache.getline(caught.value.filename, caught.value.lineno)


def test_amounts_past_64_bits_stay_exact() -> None:
    budget = Budget(usd=10**12, tokens=2**70)
    budget.spend(usd=10**11, tokens=2**69)
    budget.reserve(usd=9 * 10**11 - 1, tokens=2**69).commit(usd=1, tokens=2**68)
    left = 9 * 10**11 - 1
    with pytest.raises(BudgetExceeded):
        budget.spend(usd=Decimal(left) + Decimal("1e-9"))  # one nano-dollar too many
    budget.spend(usd=left, tokens=2**68)
    assert budget.remaining.usd == budget.remaining.tokens == 0
    assert budget.spent.usd == 10**12
    assert budget.spent.tokens == 2**70


@compiled_only
def test_the_tree_lock_behaves_like_threading_lock() -> None:
    from budgetlint.runtime._fastpath import Lock

    lock = Lock()
    assert not lock.locked()
    with lock as entered:
        assert entered is True
        assert lock.locked()
        assert lock.acquire(blocking=False) is False
    assert lock.acquire() is True
    lock.release()
    with pytest.raises(RuntimeError, match="unlocked"):
        lock.release()
    with pytest.raises(TypeError):
        Lock(1)  # type: ignore[call-arg]


def test_a_subclassed_budget_is_charged_the_same() -> None:
    class Team(Budget):
        __slots__ = ()

    team = Team(usd=1, calls=2)
    team.spend(usd=0.5)
    team.reserve(usd=0.25).commit()
    with pytest.raises(BudgetExceeded, match="calls"):
        team.spend()


# --- the same programs through both ------------------------------------------

AMOUNTS: list[Any] = [
    None, 0, 1, 3, 0.0, 0.01, 0.1, 0.25, 1e-10, 1.5, 2.0, 10**20,
    Decimal("0.005"), "0.3", "1e-9", -1, -0.5, float("nan"), float("inf"), True, "x", [1],
]  # fmt: skip
Op = tuple[str, int, Any, Any, Any]


def run(program: list[Op], caps: tuple[Any, Any, Any]) -> list[str]:
    """Everything the program observes, exceptions and their messages included."""
    budgets = [Budget(usd=caps[0], tokens=caps[1], calls=caps[2], name="root")]
    reservations: list[Reservation] = []
    seen: list[str] = []
    for op, index, usd, tokens, calls in program:
        arguments = {
            name: value
            for name, value in (("usd", usd), ("tokens", tokens), ("calls", calls))
            if value is not None
        }
        try:
            if op == "spend":
                budgets[index % len(budgets)].spend(**arguments)
            elif op == "reserve":
                reservations.append(budgets[index % len(budgets)].reserve(**arguments))
            elif op == "split":
                budgets.append(budgets[index % len(budgets)].split(**arguments))
            elif op == "commit" and reservations:
                reservations[index % len(reservations)].commit(**arguments)
            elif op == "release" and reservations:
                reservations[index % len(reservations)].release()
            seen.append("ok")
        except Exception as error:  # the errors are what is compared
            seen.append(f"{type(error).__name__}: {error}")
        seen.append(repr([(b.spent, b.reserved, b.remaining, b.usage) for b in budgets]))
    for reservation in reservations:
        if "moved" not in repr(reservation):
            reservation.release()
    return seen


@compiled_only
@pytest.mark.compares_implementations
@settings(max_examples=200, deadline=None)
@given(
    caps=st.tuples(
        st.sampled_from([None, 1, "0.5", 10, 10**20]),
        *(st.sampled_from([None, 1, 10, 10**20]) for _ in range(2)),
    ),
    program=st.lists(
        st.tuples(
            st.sampled_from(["spend", "reserve", "reserve", "commit", "release", "split"]),
            st.integers(0, 5),
            *(st.sampled_from(AMOUNTS) for _ in range(3)),
        ),
        max_size=25,
    ),
)
def test_both_implementations_observe_the_same(
    caps: tuple[Any, Any, Any], program: list[Op]
) -> None:
    fastpath.use_compiled(False)
    python = run(program, caps)
    fastpath.use_compiled(True)
    assert run(program, caps) == python
