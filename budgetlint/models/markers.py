"""Decorators that ``.pyi`` models use to declare ownership effects.

They do nothing at run time: models are read with :mod:`ast`, never imported,
and :mod:`budgetlint.models.extract` recognizes these decorators by their
resolved fully qualified name (``budgetlint.models.markers.spawns``). They
are real, typed functions only so that a model file type-checks and an editor
can follow the names. Together with the runtime's ``@affine``, ``@linear``
and ``@consumes`` (SPEC section 8) they are the whole vocabulary of a model::

    from budgetlint.models.markers import borrows, copies, spawns

    @spawns("coro")
    def create_task(coro: Coroutine[Any, Any, T]) -> Task[T]: ...
    @spawns("coros_or_futures", repeated=("coros_or_futures",))
    def gather(*coros_or_futures: Awaitable[Any]) -> Future[list[Any]]: ...
    @copies("x")
    def deepcopy(x: T, memo: dict[int, Any] | None = None) -> T: ...
    @borrows
    def print(*values: object) -> None: ...

Standard library only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

_F = TypeVar("_F", bound=Callable[..., Any])


def _unchanged(func: _F) -> _F:
    return func


def spawns(
    *params: str, repeated: tuple[str, ...] = (), joined: bool = False
) -> Callable[[_F], _F]:
    """Declare a spawner: the arguments of ``params`` run in new concurrent tasks.

    ``repeated`` names the parameters whose coroutine or callable runs in
    several tasks of one call (``gather``'s ``*coros``, ``Executor.map``'s
    ``fn``), so a budget reaching one of them twice is fan-out (BUD005).
    ``joined`` says the call returns only when its tasks have ended
    (``Pool.map``).
    """
    return _unchanged


def copies(*params: str) -> Callable[[_F], _F]:
    """Declare that the call copies the arguments of ``params`` (BUD002)."""
    return _unchanged


def borrows(func: _F) -> _F:
    """Declare that the call only reads its arguments although they are untyped."""
    return func


def cost_bearing(func: _F) -> _F:
    """Declare that the call costs money (an LLM request; the BUD1xx family)."""
    return func
