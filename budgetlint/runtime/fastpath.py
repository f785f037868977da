"""The runtime's optional compiled fast paths.

``budgetlint.runtime._fastpath`` is a C extension, built when the package
is installed on a machine with a C compiler (it is optional: without it
everything works, slower). It replaces ``Budget.spend``, ``Budget.reserve``,
``Reservation.commit`` and ``Reservation.release`` with methods that do
their common case in C: a live handle, amounts within the caps, a commit at
or below its reservation, no overage recorded, no leaked reservation
waiting. Every other case calls the Python method with the same arguments,
so the Python code stays the one definition of what these operations do,
refuse and say; the runtime's tests run against both.

The C side keeps the ledger's Python objects and takes the tree's lock,
which is the extension's ``Lock`` when it is there (threading.Lock's
interface, but cheap to take from C).

``BUDGETLINT_PURE_PYTHON=1`` in the environment, before ``budgetlint`` is
imported, turns the extension off.
"""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Callable
from contextlib import AbstractContextManager
from types import ModuleType
from typing import Any

from budgetlint.runtime import money, ownership

try:
    if os.environ.get("BUDGETLINT_PURE_PYTHON"):
        raise ImportError("BUDGETLINT_PURE_PYTHON is set")
    from budgetlint.runtime import _fastpath

    _compiled: ModuleType | None = _fastpath
except ImportError:
    _compiled = None

AVAILABLE = _compiled is not None
"""Whether the compiled fast paths can be used here."""


def new_lock() -> AbstractContextManager[bool]:
    """A lock for a new budget tree: the extension's if it is there."""
    return _compiled.Lock() if _compiled is not None else threading.Lock()


_python: dict[tuple[type, str], Callable[..., Any]] = {}
"""The Python methods the fast paths replace, by class and name."""
_fast: dict[tuple[type, str], Callable[..., Any]] = {}


def install(budget: type, reservation: type, node: type, tree: type) -> None:
    """Learn the runtime's classes and put the fast paths in place (if built)."""
    if _compiled is None:
        return
    _compiled.setup(
        budget, reservation, node, tree,
        money.usd_units, money.count_units, ownership.move,
    )  # fmt: skip
    kinds = {
        (budget, "spend"): _compiled.SPEND,
        (budget, "reserve"): _compiled.RESERVE,
        (reservation, "commit"): _compiled.COMMIT,
        (reservation, "release"): _compiled.RELEASE,
    }
    for (cls, name), kind in kinds.items():
        original = cls.__dict__[name]
        _python[cls, name] = original
        # The Python method's name, docs, signature (inspect follows
        # __wrapped__) and ownership declaration (__budgetlint_consumes__).
        _fast[cls, name] = functools.update_wrapper(_compiled.FastMethod(kind, original), original)
    use_compiled(True)


def use_compiled(enabled: bool) -> bool:
    """Switch between the compiled and the Python methods (the tests run
    both); returns whether the compiled ones are now in place."""
    chosen = _fast if enabled and _compiled is not None else _python
    for (cls, name), method in chosen.items():
        setattr(cls, name, method)
    return chosen is _fast and bool(_fast)
