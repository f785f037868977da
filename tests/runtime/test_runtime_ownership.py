"""@affine, @linear, @consumes and Borrowed on user classes."""

from __future__ import annotations

import asyncio
import copy
import gc
import inspect
import pickle
import sys
import typing
import warnings
from dataclasses import dataclass

import pytest

from budgetlint import Borrowed, Budget, BudgetMovedError, affine, consumes, linear
from budgetlint.runtime import ownership
from budgetlint.runtime.ownership import (
    CONSUMES_ATTRIBUTE,
    KIND_ATTRIBUTE,
    BorrowMarker,
    moves_self,
)


def line_of(marker: str) -> int:
    """The line of this file that holds ``marker`` (in a comment)."""
    source, start = inspect.getsourcelines(sys.modules[__name__])
    lines = [n for n, text in enumerate(source, start or 1) if f"# {marker}" in text]
    assert len(lines) == 1, marker
    return lines[0]


@affine
class Token:
    def __init__(self, value: int) -> None:
        self.value = value

    def peek(self) -> int:
        return self.value

    @consumes
    def spend(self) -> int:
        return self.value

    @consumes("self", "other")
    def merge_with(self, other: Token) -> Token:
        return Token(self.value + other.value)

    @consumes
    def explode(self) -> None:
        raise RuntimeError("nothing consumed")


class SubToken(Token):
    pass


@linear
class Ticket:
    def __init__(self) -> None:
        self.used = False

    @consumes
    def redeem(self) -> None:
        self.used = True


class Mint:
    """Not declared: consumes only declared classes."""

    @consumes("token")
    def melt(self, token: Token, *, grams: int = 1) -> int:
        return token.peek() * grams


def test_a_consumed_object_raises_naming_the_move() -> None:
    token = Token(3)
    assert token.spend() == 3  # the move
    with pytest.raises(BudgetMovedError) as caught:
        token.peek()
    error = caught.value
    assert error.filename == __file__
    assert error.lineno == line_of("the move")
    assert error.how == "spend()"
    assert f"{__file__}:{line_of('the move')} (spend())" in str(error)


def test_every_access_to_a_moved_object_raises() -> None:
    token = Token(1)
    token.spend()
    with pytest.raises(BudgetMovedError):
        _ = token.value
    with pytest.raises(BudgetMovedError):
        token.value = 2
    with pytest.raises(BudgetMovedError):
        del token.value
    with pytest.raises(BudgetMovedError):
        token.spend()
    with pytest.raises(BudgetMovedError):
        Token.peek(token)


def test_a_moved_object_still_reprs_and_is_an_instance() -> None:
    token = Token(1)
    token.spend()  # repr site
    assert repr(token) == f"<moved Token: moved at {__file__}:{line_of('repr site')} (spend())>"
    assert isinstance(token, Token)
    assert not isinstance(token, int)


def test_moves_are_named_after_the_tombstone_cache_forgets_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Sites are cached by code object id: forgetting them must not mix them up.
    monkeypatch.setattr(ownership, "_TOMBSTONE_CACHE_SIZE", 1)
    tokens = [Token(n) for n in range(3)]
    tokens[0].spend()  # first site
    tokens[1].spend()  # second site
    tokens[2].spend()  # third site
    for token, marker in zip(tokens, ("first site", "second site", "third site"), strict=True):
        with pytest.raises(BudgetMovedError) as caught:
            token.peek()
        assert caught.value.lineno == line_of(marker)
        assert caught.value.filename == __file__


def test_a_consuming_call_that_raises_consumes_nothing() -> None:
    token = Token(5)
    with pytest.raises(RuntimeError):
        token.explode()
    assert token.peek() == 5


def test_consumes_several_parameters() -> None:
    left, right = Token(1), Token(2)
    merged = left.merge_with(right)
    assert merged.peek() == 3
    for moved in (left, right):
        with pytest.raises(BudgetMovedError, match=r"merge_with\(\)"):
            moved.peek()


def test_a_moved_argument_is_refused_before_the_call() -> None:
    left, right = Token(1), Token(2)
    right.spend()
    with pytest.raises(BudgetMovedError):
        left.merge_with(right)
    assert left.peek() == 1  # the refused call consumed nothing


def test_consumes_a_named_parameter_passed_either_way() -> None:
    mint = Mint()
    by_position, by_keyword = Token(2), Token(3)
    assert mint.melt(by_position, grams=2) == 4
    assert mint.melt(token=by_keyword) == 3
    for moved in (by_position, by_keyword):
        with pytest.raises(BudgetMovedError, match=r"melt\(\)"):
            moved.peek()
    mint.melt(Token(1))  # the undeclared Mint itself is never moved
    assert mint.melt(Token(1)) == 1


def test_consumes_ignores_values_of_undeclared_classes() -> None:
    class Plain:
        @consumes
        def close(self) -> str:
            return "closed"

    plain = Plain()
    assert plain.close() == "closed"
    assert plain.close() == "closed"


def test_consumes_keeps_the_signature_and_records_the_names() -> None:
    assert inspect.signature(Token.merge_with) == inspect.signature(Token.merge_with.__wrapped__)  # type: ignore[attr-defined]
    assert getattr(Token.spend, CONSUMES_ATTRIBUTE) == ("self",)
    assert getattr(Token.merge_with, CONSUMES_ATTRIBUTE) == ("self", "other")
    assert getattr(Mint.melt, CONSUMES_ATTRIBUTE) == ("token",)
    assert Token.spend.__name__ == "spend"


def test_a_method_that_moves_self_itself_is_declared_but_not_wrapped() -> None:
    @affine
    class Lease:
        @consumes
        @moves_self
        def end(self) -> None:
            ownership.consume_here(self, "end()")

    lease = Lease()
    lease.end()  # ended
    assert getattr(Lease.end, CONSUMES_ATTRIBUTE) == ("self",)
    assert not hasattr(Lease.end, "__wrapped__")
    with pytest.raises(BudgetMovedError, match=r"\(end\(\)\)") as caught:
        lease.end()
    assert caught.value.lineno == line_of("ended")

    with pytest.raises(TypeError, match="moves only self itself"):

        @consumes("self", "other")
        @moves_self
        def merge(self: object, other: object) -> None: ...


def test_consumes_refuses_bad_declarations() -> None:
    with pytest.raises(TypeError, match="no parameter 'other'"):

        @consumes("other")
        def f(self: object) -> None: ...

    with pytest.raises(TypeError, match=r"cannot consume \*args"):

        @consumes("args")
        def g(*args: object) -> None: ...

    with pytest.raises(TypeError, match="names of the parameters"):
        consumes()
    with pytest.raises(TypeError, match="names of the parameters"):
        consumes("self", 3)  # type: ignore[call-overload]


def test_async_consumes_moves_when_the_coroutine_returns() -> None:
    @affine
    class Session:
        @consumes
        async def aclose(self) -> str:
            await asyncio.sleep(0)
            return "closed"

        @consumes
        async def abort(self) -> None:
            raise RuntimeError("still open")

        def ping(self) -> str:
            return "pong"

    async def main() -> None:
        session = Session()
        with pytest.raises(RuntimeError):
            await session.abort()
        assert session.ping() == "pong"
        pending = session.aclose()  # async move
        assert session.ping() == "pong"  # not moved until it has run
        assert await pending == "closed"
        with pytest.raises(BudgetMovedError) as caught:
            session.ping()
        assert caught.value.lineno == line_of("async move")

    asyncio.run(main())


@pytest.mark.parametrize("cls", [Token, SubToken])
def test_affine_instances_refuse_copies(cls: type[Token]) -> None:
    token = cls(1)
    with pytest.raises(TypeError, match="affine: it cannot be copied"):
        copy.copy(token)
    with pytest.raises(TypeError, match="affine: it cannot be copied"):
        copy.deepcopy(token)
    with pytest.raises(TypeError, match="affine: it cannot be copied"):
        pickle.dumps(token)
    with pytest.raises(TypeError, match="affine: it cannot be copied"):
        token.__replace__(value=2)  # type: ignore[attr-defined]
    assert getattr(cls, KIND_ATTRIBUTE) == "affine"


@pytest.mark.skipif(sys.version_info < (3, 13), reason="copy.replace is new in 3.13")
def test_copy_replace_is_refused() -> None:
    with pytest.raises(TypeError, match="cannot be copied"):
        copy.replace(Token(1))  # type: ignore[attr-defined]


def test_frozen_slotted_dataclasses_can_be_affine() -> None:
    @affine
    @dataclass(frozen=True, slots=True)
    class Grant:
        amount: int

        @consumes
        def use(self) -> int:
            return self.amount

    grant = Grant(4)
    assert grant.use() == 4
    with pytest.raises(BudgetMovedError):
        _ = grant.amount


def test_a_subclass_of_a_linear_class_cannot_be_declared_affine() -> None:
    with pytest.raises(TypeError, match="subclasses a linear class"):

        @affine
        class Looser(Ticket):
            pass


def test_decorators_take_classes_only() -> None:
    with pytest.raises(TypeError, match="decorates a class"):
        affine(len)  # type: ignore[type-var]


def collect_warnings(make: typing.Callable[[], None]) -> list[str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        make()
        gc.collect()
    return [str(w.message) for w in caught if issubclass(w.category, ResourceWarning)]


def test_a_linear_instance_dropped_unconsumed_warns() -> None:
    def drop() -> None:
        Ticket()

    assert collect_warnings(drop) == ["Ticket was garbage-collected without being consumed"]


def test_a_consumed_linear_instance_does_not_warn() -> None:
    def redeem() -> None:
        Ticket().redeem()

    assert collect_warnings(redeem) == []


def test_user_finalizers_run_once_and_see_a_moved_object_unmoved() -> None:
    seen: list[int] = []

    @linear
    class Lease:
        def __init__(self, n: int) -> None:
            self.n = n

        @consumes
        def end(self) -> None:
            pass

        def __del__(self) -> None:
            seen.append(self.n)

    def run() -> None:
        Lease(1).end()
        Lease(2)

    (leak,) = collect_warnings(run)
    assert leak.endswith(".Lease was garbage-collected without being consumed")
    assert seen == [1, 2]

    @linear
    class RenewedLease(Lease):  # re-declaring keeps one finalizer
        pass

    def renew() -> None:
        RenewedLease(3)

    assert len(collect_warnings(renew)) == 1
    assert seen == [1, 2, 3]


def test_borrowed_is_the_type_annotated_as_a_borrow() -> None:
    def worker(budget: Borrowed[Budget]) -> None: ...

    hint = typing.get_type_hints(worker, include_extras=True)["budget"]
    assert typing.get_origin(hint) is typing.Annotated
    assert typing.get_args(hint)[0] is Budget
    assert isinstance(typing.get_args(hint)[1], BorrowMarker)
    assert typing.get_type_hints(worker)["budget"] is Budget
