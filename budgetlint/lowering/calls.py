"""Calls: which parameter each argument binds to, and what the call does to it.

A front end reduces a call's arguments to :class:`ArgShape` values (how each
is passed, not what it is), finds the callee's
:class:`~budgetlint.models.types.FunctionModel` (:func:`constructor` for a
class), binds arguments to parameters with :func:`bind_arguments` and asks
:func:`param_effect` / :func:`receiver_effect` what the call does to each
value (SPEC 4, rows on calls).

Standard library only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Final

from budgetlint.models.index import ModelIndex
from budgetlint.models.types import FunctionModel, Param, ParamKind, TypeRef

SELF: Final = "self"
"""The name ``@consumes``/``@copies`` use for the receiver."""
SELF_TYPES: Final = frozenset({"typing.Self", "typing_extensions.Self"})
OBJECT: Final = "builtins.object"
"""The index's last resort for methods; its ``__init__`` means "no constructor"."""

_POSITIONAL: Final = (ParamKind.POSITIONAL_ONLY, ParamKind.POSITIONAL_OR_KEYWORD)
_BY_NAME: Final = (ParamKind.POSITIONAL_OR_KEYWORD, ParamKind.KEYWORD_ONLY)


class ArgForm(Enum):
    """How an argument is passed."""

    POSITIONAL = "positional"
    """``f(x)``"""
    STAR = "star"
    """``f(*xs)``"""
    KEYWORD = "keyword"
    """``f(k=x)``"""
    DOUBLE_STAR = "double-star"
    """``f(**kw)``"""


@dataclass(frozen=True)
class ArgShape:
    """One argument of a call, as far as binding it to a parameter goes."""

    form: ArgForm
    keyword: str | None = None


class Effect(Enum):
    """What a call does to a value passed to one of its parameters."""

    BORROW = "borrow"
    MOVE = "move"
    CONSUME = "consume"
    COPY = "copy"
    SEND = "send"


def bind_arguments(
    params: Sequence[Param], args: Sequence[ArgShape], *, bound: bool
) -> list[Param | None]:
    """The parameter each argument binds to, or ``None`` where it cannot be
    told (an unknown keyword, positionals after ``*xs``).

    ``bound`` skips the first parameter: a method called on an instance, or
    ``__init__`` called through its class. ``*xs`` binds to the
    ``*args`` parameter once the named positional parameters are filled
    (``gather(*coros)``), else to nothing; ``**kw`` binds to ``**kwargs``.
    """
    if bound and params and params[0].kind in _POSITIONAL:
        params = params[1:]
    positional = [p for p in params if p.kind in _POSITIONAL]
    by_name = {p.name: p for p in params if p.kind in _BY_NAME}
    var_positional = next((p for p in params if p.kind is ParamKind.VAR_POSITIONAL), None)
    var_keyword = next((p for p in params if p.kind is ParamKind.VAR_KEYWORD), None)
    result: list[Param | None] = []
    position = 0
    after_star = False
    for arg in args:
        if arg.form is ArgForm.KEYWORD:
            result.append(by_name.get(arg.keyword or "", var_keyword))
        elif arg.form is ArgForm.DOUBLE_STAR:
            result.append(var_keyword)
        elif after_star or arg.form is ArgForm.STAR:
            # From ``*xs`` on, which named parameter comes next is unknown.
            after_star = True
            result.append(var_positional if position >= len(positional) else None)
        elif position < len(positional):
            result.append(positional[position])
            position += 1
        else:
            result.append(var_positional)
    return result


def resolve_self(annotation: TypeRef | None, owner: TypeRef | None) -> TypeRef | None:
    """``annotation`` with ``Self`` replaced by ``owner`` (the receiver's type)."""
    if annotation is not None and annotation.name in SELF_TYPES:
        return owner
    return annotation


def param_effect(
    index: ModelIndex, fn: FunctionModel, param: Param | None, owner: TypeRef | None = None
) -> Effect:
    """What calling ``fn`` does to the value bound to ``param``.

    Spawning, consuming and copying parameters come from the model's markers;
    otherwise a parameter declared with an affine or linear type (or a union
    containing one) owns its argument, and ``Borrowed[...]``, ``object``,
    ``Any``, an unannotated parameter or an unknown one (``None``) borrow.
    ``owner`` is the receiver's type, standing for ``Self``.
    """
    if param is None:
        return Effect.BORROW
    if fn.spawns is not None and param.name in fn.spawns.params:
        return Effect.SEND
    if param.name in fn.consumes:
        return Effect.CONSUME
    if param.name in fn.copies:
        return Effect.COPY
    annotation = resolve_self(param.annotation, owner)
    if fn.borrows or annotation is None or annotation.is_borrowed:
        return Effect.BORROW
    return Effect.MOVE if index.kind_of(annotation) is not None else Effect.BORROW


def receiver_effect(fn: FunctionModel) -> Effect:
    """What calling the method ``fn`` does to the object it is called on:
    ``@consumes`` consumes it, ``@copies("self")`` (``__copy__``) copies it,
    anything else borrows it (SPEC 2)."""
    if SELF in fn.consumes:
        return Effect.CONSUME
    if SELF in fn.copies:
        return Effect.COPY
    return Effect.BORROW


def result_type(fn: FunctionModel, owner: TypeRef | None) -> TypeRef | None:
    """The type of the value a call of ``fn`` evaluates to, as far as it is
    visible: the declared return type (``Self`` is the receiver's type).
    Type variables are not solved (no guessing without a type checker)."""
    return resolve_self(fn.returns, owner)


def constructor(index: ModelIndex, cls: str) -> FunctionModel | None:
    """The ``__init__`` a call of the class ``cls`` runs: a modelled one
    (through the MRO), else the generated one of a dataclass (its fields as
    parameters, bases first), else ``None``. Its first parameter is
    ``self``: bind arguments with ``bound=True``."""
    init = index.method(cls, "__init__")
    if init is not None and not init.fullname.startswith(OBJECT + "."):
        return init
    fields: dict[str, TypeRef] = {}
    _dataclass_fields(index, cls, fields, set())
    if not fields:
        return None
    params = (
        Param(SELF, ParamKind.POSITIONAL_OR_KEYWORD),
        *(Param(name, ParamKind.POSITIONAL_OR_KEYWORD, t) for name, t in fields.items()),
    )
    return FunctionModel(f"{cls}.__init__", params)


def _dataclass_fields(index: ModelIndex, cls: str, out: dict[str, TypeRef], seen: set[str]) -> None:
    """Collect the fields of the dataclasses in ``cls``'s bases, then its own."""
    model = index.cls(cls)
    if model is None or cls in seen:
        return
    seen.add(cls)
    for base in reversed(model.bases):
        _dataclass_fields(index, base, out, seen)
    if model.is_dataclass:
        out.update(model.fields)
