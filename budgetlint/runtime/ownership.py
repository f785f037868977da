"""Ownership at run time: ``@affine``, ``@linear``, ``@consumes``, ``Borrowed``.

The static checkers read these decorators from source (``.py`` files and
``.pyi`` models); at run time they enforce what the checkers cannot prove:

* instances of an affine or linear class refuse ``copy.copy``,
  ``copy.deepcopy``, ``copy.replace`` and pickling with ``TypeError``;
* after a ``@consumes`` method returns normally, the consumed objects are
  *moved*: every later attribute or method access raises
  :class:`~budgetlint.BudgetMovedError` naming the file and line of the
  consuming call. A consuming call that raises consumes nothing;
* a linear instance garbage-collected without being consumed warns with
  ``ResourceWarning`` (and calls the class's ``__budgetlint_leaked__``
  method first, if it has one: ``Reservation`` releases its funds there).

A moved object is marked by switching its class to a *tombstone*: a
subclass, without instance layout of its own, whose ``__getattribute__``
raises. Live objects therefore pay nothing for the check. Tombstones are
made once per class and move site and cached. A site is kept as the
caller's code object and instruction offset, and turned into a file and
line only when an error names it (reading ``f_lineno`` decodes the line
table on every move). So that the switch works, an affine class must accept
a plain subclass: an ``__init_subclass__`` that refuses subclasses or
requires arguments makes moving its instances fail.

A subclass that defines ``__del__`` should call ``super().__del__()``,
or the leak warning of a linear class is lost.

``consumes`` does not serialise concurrent calls on one user object; the
runtime's own ``Budget`` and ``Reservation`` check their state under their
ledger's lock, so two threads consuming one handle cannot both succeed.
"""

from __future__ import annotations

import functools
import inspect
import sys
import warnings
from collections.abc import Awaitable, Callable, Sequence
from types import CodeType
from typing import Annotated, Any, NoReturn, ParamSpec, TypeVar, cast, overload

from budgetlint.runtime.errors import BudgetMovedError

T = TypeVar("T")
C = TypeVar("C", bound=type)
P = ParamSpec("P")
R = TypeVar("R")

KIND_ATTRIBUTE = "__budgetlint_kind__"
"""Class attribute set by ``@affine``/``@linear``: ``"affine"`` or ``"linear"``."""
CONSUMES_ATTRIBUTE = "__budgetlint_consumes__"
"""Attribute of a ``@consumes`` function: the consumed parameter names."""
LEAK_HOOK = "__budgetlint_leaked__"
"""Method a linear class may define, called when an instance leaks."""

_MOVED = "__budgetlint_moved__"
_ORIGINAL = "__budgetlint_original__"
_USER_DEL = "__budgetlint_user_del__"
_MOVES_SELF = "__budgetlint_moves_self__"
_COPY_METHODS = ("__copy__", "__deepcopy__", "__replace__", "__reduce__", "__reduce_ex__")


class BorrowMarker:
    """The ``Annotated`` metadata that marks a ``Borrowed[...]`` parameter."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "budgetlint.Borrowed"


Borrowed = Annotated[T, BorrowMarker()]
"""``Borrowed[Budget]``: a parameter that borrows the value instead of owning
it. Type checkers read it as ``Budget``; budgetlint's checkers forbid the
callee to move, store, return, consume or send it into a task."""


def affine(cls: C) -> C:
    """Declare ``cls`` affine: instances may be moved and dropped, never copied.

    Subclasses are affine too.
    """
    return _declare(cls, "affine")


def linear(cls: C) -> C:
    """Declare ``cls`` linear: affine, and every instance must be consumed.

    An instance garbage-collected unconsumed warns with ``ResourceWarning``.
    Subclasses are linear too.
    """
    return _declare(cls, "linear")


def _declare(cls: C, kind: str) -> C:
    if not isinstance(cls, type):
        raise TypeError(f"@{kind} decorates a class, not {cls!r}")
    if kind == "affine" and getattr(cls, KIND_ATTRIBUTE, None) == "linear":
        raise TypeError(f"{cls.__qualname__} subclasses a linear class: it cannot be affine")
    setattr(cls, KIND_ATTRIBUTE, kind)
    for name in _COPY_METHODS:
        setattr(cls, name, _refuse_copy)
    inherited_del = getattr(cls, "__del__", None)
    # Re-declaring a subclass must not wrap our own finalizer twice.
    user_del = getattr(inherited_del, _USER_DEL, inherited_del)
    if kind == "linear" or user_del is not None:
        # setattr: the class need not declare __del__ for the type checker.
        setattr(cls, "__del__", _finalizer(user_del, linear=kind == "linear"))  # noqa: B010
    return cls


def _refuse_copy(self: object, *args: object, **kwargs: object) -> NoReturn:
    cls = type(self)
    kind = getattr(cls, KIND_ATTRIBUTE)
    raise TypeError(
        f"{cls.__qualname__} is {kind}: it cannot be copied or pickled "
        "(one handle owns it; move it instead)"
    )


def _finalizer(
    user_del: Callable[[object], None] | None, *, linear: bool
) -> Callable[[object], None]:
    """The ``__del__`` of a declared class: report a leaked linear instance,
    and let a user-defined ``__del__`` see a moved instance unmoved."""
    is_finalizing = sys.is_finalizing  # module globals may be gone at shutdown

    def __del__(self: object) -> None:
        original = type(self).__dict__.get(_ORIGINAL)
        if original is None:
            if linear and not is_finalizing():
                _report_leak(self)
        elif user_del is not None:
            object.__setattr__(self, "__class__", original)
        if user_del is not None:
            user_del(self)

    setattr(__del__, _USER_DEL, user_del)
    return __del__


def _report_leak(obj: object) -> None:
    cls = type(obj)
    hook = getattr(cls, LEAK_HOOK, None)
    if hook is not None:
        hook(obj)
    warnings.warn(
        f"{cls.__qualname__} was garbage-collected without being consumed",
        ResourceWarning,
        stacklevel=2,
    )


# --- moving -------------------------------------------------------------------

_Site = tuple[CodeType, int, str]
"""A move: the caller's code, its instruction offset there, and the call."""

# Keyed by the code object's id, which its tombstone keeps alive (so the id
# is not reused while cached); bounded, for programs that compile code at
# run time. Clearing forgets only the cache: moved objects keep their class.
_TOMBSTONE_CACHE_SIZE = 4096
_tombstones: dict[tuple[type, int, int, str], type] = {}
_object_setattr = object.__setattr__


def is_moved(obj: object) -> bool:
    """Whether ``obj`` was moved (consumed)."""
    return _MOVED in type(obj).__dict__


def ensure_live(obj: object) -> None:
    """Raise ``BudgetMovedError`` if ``obj`` was moved."""
    cls = type(obj)
    if _MOVED in cls.__dict__:
        raise _moved_error(cls)


def consume_here(obj: object, how: str, *, depth: int = 1) -> None:
    """Mark ``obj`` moved at the line of the caller ``depth`` frames up.

    For consumptions that are not a ``@consumes`` wrapper's: the end of a
    ``with`` block (``__exit__`` passes ``depth=1``: its caller's line is
    the ``with`` statement), or a method declared with :func:`moves_self`.
    """
    caller = sys._getframe(depth + 1)
    move(obj, caller.f_code, caller.f_lasti, how)


def move(obj: object, code: CodeType, offset: int, how: str) -> None:
    """Mark ``obj`` moved by the call at ``offset`` in ``code``."""
    cls = type(obj)
    key = (cls, id(code), offset, how)
    tombstone = _tombstones.get(key)
    if tombstone is None:
        # Only declared classes are moved, and a tombstone never again.
        if getattr(cls, KIND_ATTRIBUTE, None) is None or _MOVED in cls.__dict__:
            return
        if len(_tombstones) >= _TOMBSTONE_CACHE_SIZE:
            _tombstones.clear()
        # Two threads may race to make the same tombstone: either one will do.
        tombstone = _tombstones.setdefault(key, _make_tombstone(cls, (code, offset, how)))
    if cls.__setattr__ is _object_setattr:
        obj.__class__ = tombstone  # half the cost of calling object.__setattr__
    else:
        object.__setattr__(obj, "__class__", tombstone)


def _make_tombstone(cls: type, site: _Site) -> type:
    namespace: dict[str, object] = {
        "__slots__": (),
        "__module__": cls.__module__,
        "__qualname__": cls.__qualname__,
        "__doc__": cls.__doc__,
        "__getattribute__": _moved_getattribute,
        "__setattr__": _moved_setattr,
        "__delattr__": _moved_delattr,
        "__repr__": _moved_repr,
        _MOVED: site,
        _ORIGINAL: cls,
    }
    if getattr(getattr(cls, "__del__", None), _USER_DEL, False) is None:
        # Only the leak check would run, and a moved instance did not leak.
        namespace["__del__"] = _moved_del
    return type(cls)(cls.__name__, (cls,), namespace)


def _where(tombstone: type) -> tuple[str, int | None, str]:
    """The file, line and call of the move that made ``tombstone``."""
    site: _Site = tombstone.__dict__[_MOVED]
    code, offset, how = site
    line = None
    for start, end, number in code.co_lines():
        if start <= offset < end:
            line = number
            break
    return code.co_filename, line, how


def _moved_error(tombstone: type) -> BudgetMovedError:
    filename, lineno, how = _where(tombstone)
    original = tombstone.__dict__[_ORIGINAL]
    return BudgetMovedError(
        f"{original.__qualname__} used after it was moved at {filename}:{lineno} ({how})",
        filename=filename,
        lineno=lineno,
        how=how,
    )


def _moved_getattribute(self: object, name: str) -> Any:
    # isinstance() falls back to reading __class__; everything else is a use.
    if name == "__class__":
        return object.__getattribute__(self, name)
    raise _moved_error(type(self))


def _moved_setattr(self: object, name: str, value: object) -> None:
    raise _moved_error(type(self))


def _moved_delattr(self: object, name: str) -> None:
    raise _moved_error(type(self))


def _moved_del(self: object) -> None:
    """A moved linear instance's finalizer: it was consumed, so it did not
    leak (and this is much cheaper than the live class's leak check)."""


def _moved_repr(self: object) -> str:
    # repr() must not raise (debuggers, logging): it names the move instead.
    filename, lineno, how = _where(type(self))
    return f"<moved {type(self).__qualname__}: moved at {filename}:{lineno} ({how})>"


# --- @consumes ----------------------------------------------------------------

_Locator = tuple[int | None, str | None]
"""Where an argument is: its position, and its keyword (``None``: not allowed)."""


@overload
def consumes(func: Callable[P, R], /) -> Callable[P, R]: ...


@overload
def consumes(*names: str) -> Callable[[Callable[P, R]], Callable[P, R]]: ...


def consumes(*args: Any) -> Any:
    """Declare a method that consumes (moves) ``self`` or named parameters.

    ``@consumes`` consumes ``self``; ``@consumes("other")`` consumes the
    parameter ``other`` instead; ``@consumes("self", "other")`` both. After
    the call returns, a consumed object is moved; if the call raises,
    nothing is. The signature is unchanged for type checkers. The decorated
    function carries the names in ``__budgetlint_consumes__``.
    """
    if len(args) == 1 and callable(args[0]):
        return _consuming(args[0], ("self",))
    if not args or not all(isinstance(name, str) and name for name in args):
        raise TypeError("@consumes takes a function, or the names of the parameters it consumes")
    names = tuple(dict.fromkeys(args))

    def decorate(func: Callable[P, R]) -> Callable[P, R]:
        return _consuming(func, names)

    return decorate


def moves_self(method: Callable[P, R]) -> Callable[P, R]:
    """Mark a method, under ``@consumes``, as moving ``self`` itself.

    ``@consumes`` then records the declaration without wrapping the method,
    which saves the runtime's hot paths (``Reservation.commit``) a call
    layer and the repacking of their arguments. The method must read an
    attribute of ``self`` first (so a moved ``self`` raises before anything
    happens) and call :func:`consume_here` last, once it has succeeded.
    """
    setattr(method, _MOVES_SELF, True)
    return method


def _consuming(func: Callable[P, R], names: tuple[str, ...]) -> Callable[P, R]:
    parameters = list(inspect.signature(func).parameters.values())
    locators = tuple(_locate(func, parameters, name) for name in names)
    how = f"{func.__name__}()"

    if getattr(func, _MOVES_SELF, False):
        if names != ("self",):
            raise TypeError(f"@consumes: {func.__qualname__} moves only self itself")
        wrapper = func
    elif inspect.iscoroutinefunction(func):
        coroutine_function = cast(Callable[..., Awaitable[Any]], func)

        @functools.wraps(func)
        def start(*args: Any, **kwargs: Any) -> Any:
            targets = _live_targets(locators, args, kwargs)
            # The site now: the caller's frame moves on while this awaits.
            caller = sys._getframe(1)
            code, offset = caller.f_code, caller.f_lasti

            async def run() -> Any:
                result = await coroutine_function(*args, **kwargs)
                for target in targets:
                    move(target, code, offset, how)
                return result

            return run()

        if sys.version_info >= (3, 12):
            inspect.markcoroutinefunction(start)
        wrapper = cast(Callable[P, R], start)
    elif locators == ((0, parameters[0].name),):
        # The common case: consuming self.
        method = cast(Callable[..., Any], func)

        @functools.wraps(func)
        def call_consuming_self(self: object, *args: Any, **kwargs: Any) -> Any:
            cls = type(self)
            if _MOVED in cls.__dict__:
                raise _moved_error(cls)
            result = method(self, *args, **kwargs)
            caller = sys._getframe(1)
            move(self, caller.f_code, caller.f_lasti, how)
            return result

        wrapper = cast(Callable[P, R], call_consuming_self)
    else:

        @functools.wraps(func)
        def call(*args: P.args, **kwargs: P.kwargs) -> R:
            targets = _live_targets(locators, args, kwargs)
            result = func(*args, **kwargs)
            caller = sys._getframe(1)
            for target in targets:
                move(target, caller.f_code, caller.f_lasti, how)
            return result

        wrapper = call
    setattr(wrapper, CONSUMES_ATTRIBUTE, names)
    return wrapper


def _locate(func: Callable[..., Any], parameters: list[inspect.Parameter], name: str) -> _Locator:
    by_name = {parameter.name: (index, parameter) for index, parameter in enumerate(parameters)}
    if name in by_name:
        index, parameter = by_name[name]
    elif name == "self" and parameters:
        index, parameter = 0, parameters[0]
    else:
        raise TypeError(f"@consumes: {func.__qualname__} has no parameter {name!r}")
    kind, Kind = parameter.kind, inspect.Parameter
    if kind in (Kind.VAR_POSITIONAL, Kind.VAR_KEYWORD):
        raise TypeError(f"@consumes: {func.__qualname__} cannot consume *{parameter.name}")
    positional = kind in (Kind.POSITIONAL_ONLY, Kind.POSITIONAL_OR_KEYWORD)
    by_keyword = kind in (Kind.POSITIONAL_OR_KEYWORD, Kind.KEYWORD_ONLY)
    return (index if positional else None, parameter.name if by_keyword else None)


def _live_targets(
    locators: Sequence[_Locator], args: Sequence[object], kwargs: dict[str, Any]
) -> list[object]:
    """The consumed arguments of one call; a moved one raises before the call."""
    targets = []
    for position, keyword in locators:
        if position is not None and position < len(args):
            target = args[position]
        elif keyword is not None and keyword in kwargs:
            target = kwargs[keyword]
        else:
            continue  # left to its default: nothing of the caller's is consumed
        ensure_live(target)
        targets.append(target)
    return targets
