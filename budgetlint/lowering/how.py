"""The ``how`` texts of events: short, human, the same in every front end.

They end up in messages such as ``budget 'b' used after it was moved at
line 12 (delegate())``. ``label`` arguments are the callee as written
(``run_sub_agent``, ``asyncio.create_task``, ``self.pool.submit``), see
:func:`callee_label`.

Standard library only.
"""

from __future__ import annotations

from enum import Enum
from typing import Final

from budgetlint.engine.ir import Kind

RETURNED: Final = "returned"
YIELDED: Final = "yielded"
_MAX_LABEL: Final = 40


class Display(Enum):
    """The container a display builds."""

    LIST = "list"
    TUPLE = "tuple"
    SET = "set"
    DICT = "dict"


def callee_label(dotted: str | None, name: str) -> str:
    """How a callee is named in messages: its dotted source text when it has
    one and it is short, else the called name alone (``delegate`` for
    ``Budget(usd=1).delegate()``)."""
    if dotted is not None and len(dotted) <= _MAX_LABEL:
        return dotted
    return name


def called(name: str) -> str:
    """A consuming call on the value itself, a consuming parameter or a
    copy: ``delegate()``, ``reclaim()``, ``copy.copy()``."""
    return f"{name}()"


def passed_to(label: str) -> str:
    """An owning parameter: ``passed to run_sub_agent()``."""
    return f"passed to {label}()"


def sent_to(label: str) -> str:
    """A spawner: ``sent to asyncio.create_task()``."""
    return f"sent to {label}()"


def stored_in(target: str) -> str:
    """An assignment into an object or a container: ``stored in self.budget``,
    ``stored in d[...]``."""
    return f"stored in {target}"


def stored_in_display(display: Display) -> str:
    """An element of a display or comprehension: ``stored in a list``."""
    return f"stored in a {display.value}"


def captured(line: int) -> str:
    """An escaping closure, or one that moves its capture."""
    return f"captured by closure at line {line}"


def bound_by(name: str) -> str:
    """A simultaneous tuple assignment ``a, b = b, a``: ``moved into a``."""
    return f"moved into {name}"


def discarded(label: str) -> str:
    """The place name of a linear value an expression statement creates and
    drops at once (``b.reserve(usd=1)`` alone): ``result of b.reserve()``.
    It cannot clash with a real place (it is not an identifier path)."""
    return f"result of {label}()" if label else "result of an expression"


def settled(kind: Kind, line: int) -> str:
    """The end of a ``with`` block: a reservation is released, a budget closed."""
    verb = "released" if kind is Kind.LINEAR else "closed"
    return f"{verb} at end of with block (line {line})"
