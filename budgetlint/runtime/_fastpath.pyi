"""Types of the C extension ``_fastpath.c`` (see ``fastpath.py``)."""

from collections.abc import Callable
from types import CodeType, TracebackType
from typing import Any

SPEND: int
RESERVE: int
COMMIT: int
RELEASE: int

class Lock:
    """A budget tree's lock: threading.Lock's interface, cheap to take from C."""

    def acquire(self, blocking: bool = True) -> bool: ...
    def release(self) -> None: ...
    def locked(self) -> bool: ...
    def __enter__(self) -> bool: ...
    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None: ...

class FastMethod:
    """A hot method done in C, calling ``original`` for every other case."""

    def __init__(self, kind: int, original: Callable[..., Any]) -> None: ...
    def __call__(self, *args: Any, **kwargs: Any) -> Any: ...
    def __get__(self, obj: object, cls: type | None = None) -> Any: ...

def setup(
    budget: type,
    reservation: type,
    node: type,
    tree: type,
    usd_units: Callable[[Any], int],
    count_units: Callable[[Any, str], int],
    move: Callable[[object, CodeType, int, str], None],
    /,
) -> None: ...
