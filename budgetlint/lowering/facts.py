"""The type facts the walker asks for: the one protocol, and its model answers.

The walker (:mod:`budgetlint.lowering.walker`) decides ownership from
syntax; what syntax cannot tell it asks a :class:`TypeFacts`: is this type
affine or linear, and of which class; which fields, methods, constructor
and return types it has; what an annotation or a dotted name denotes; and,
through :meth:`TypeFacts.refine`, whether a type checker knows the type of
an expression better than what is written.

:class:`TypeFacts` itself answers from what is written (the *model facts*
of the CLI, flake8 and pre-commit): annotations, constructor calls,
declared return types of callees, declared fields, iteration, all through
the :class:`~budgetlint.models.index.ModelIndex` holding the models and the
checked module's own model, with per-file caches. Type variables in method
returns are not solved (``dict[str, Budget].pop()`` is unknown here), ``Self``
is. The mypy plugin's facts (:mod:`budgetlint.frontends.mypy.facts`) refine
expression types with mypy's.

Standard library only.
"""

from __future__ import annotations

import ast
from typing import Final

from budgetlint.engine.ir import Kind
from budgetlint.lowering.calls import constructor, resolve_self
from budgetlint.models.extract import annotation_to_typeref
from budgetlint.models.index import ModelIndex
from budgetlint.models.types import NONE, FunctionModel, ModuleModel, TypeRef

MAX_DOTS: Final = 2
"""Tracked attribute places have at most two dots (SPEC 4)."""


def join_place(path: str, attr: str) -> str | None:
    """``path.attr`` if it is short enough to be a tracked place, else ``None``."""
    if path.count(".") >= MAX_DOTS:
        return None
    return f"{path}.{attr}"


def short_name(fullname: str) -> str:
    """``Budget`` for ``budgetlint.runtime.budget.Budget``."""
    return fullname.rpartition(".")[2]


class TypeFacts:
    """Questions about types in one checked module: ``index`` holds the
    models with the module's own ``model``."""

    def __init__(self, index: ModelIndex, model: ModuleModel) -> None:
        self.index = index
        self.model = model
        self._fields: dict[str, tuple[tuple[str, TypeRef, Kind], ...]] = {}

    # --- what is written --------------------------------------------------------

    def refine(self, node: ast.expr, written: TypeRef | None) -> TypeRef | None:
        """The type of the expression ``node``, given the type ``written``
        that annotations and models give it. Model facts know no better."""
        return written

    def resolve(self, dotted: str) -> str:
        """A dotted name used at the top level of the module, fully qualified."""
        return self.index.resolve(self.model, dotted)

    def qualify(self, qual: str) -> str:
        """The fully qualified name of ``qual`` (``Agent.run``) defined in the module."""
        return f"{self.model.name}.{qual}"

    def annotation(self, node: ast.expr) -> TypeRef:
        """The type an annotation expression of the module denotes."""
        return annotation_to_typeref(node, self.resolve)

    def global_type(self, name: str) -> TypeRef | None:
        """The declared type of the module-level variable ``name``."""
        return self.model.variables.get(self.qualify(name))

    def def_model(self, qual: str, cls: str | None, name: str) -> FunctionModel | None:
        """The model of a function or method the extractor saw (top-level
        functions and methods of top-level classes); ``cls`` is the fully
        qualified class of a method."""
        if cls is not None:
            owner = self.index.cls(cls)
            return owner.methods.get(name) if owner is not None else None
        return self.model.functions.get(self.qualify(qual))

    def is_class(self, fullname: str) -> bool:
        """Whether the fully qualified ``fullname`` names a known class: a
        modelled one, or one the configuration declares affine or linear."""
        return self.index.cls(fullname) is not None or self.index.is_configured(fullname)

    def function(self, fullname: str) -> FunctionModel | None:
        """The model of the function named ``fullname``, if known."""
        return self.index.function(fullname)

    def constructor(self, cls: str) -> FunctionModel | None:
        """The ``__init__`` a call of the class ``cls`` runs (see
        :func:`~budgetlint.lowering.calls.constructor`)."""
        return constructor(self.index, cls)

    # --- questions about types --------------------------------------------------

    def kind(self, t: TypeRef | None) -> Kind | None:
        """The ownership kind of a value of type ``t`` (``None``: not tracked)."""
        return self.index.kind_of(t)

    def class_of(self, t: TypeRef | None) -> str | None:
        """The class a value of type ``t`` is an instance of: ``t`` itself,
        or the one member of ``X | None``; ``None`` for other unions."""
        if t is None:
            return None
        members = [m for m in t.members if m.name != NONE]
        return members[0].name if len(members) == 1 else None

    def instance(self, t: TypeRef | None) -> TypeRef | None:
        """``t`` without ``None`` in a union and without ``Borrowed``: the
        type to look members up on."""
        if t is None:
            return None
        members = [m for m in t.members if m.name != NONE]
        if len(members) != 1:
            return None
        member = members[0]
        return TypeRef(member.name, member.args) if member.borrowed else member

    def type_name(self, t: TypeRef | None) -> str:
        """The short class name of the affine or linear member of ``t``."""
        if t is None:
            return ""
        for member in t.members:
            if self.index.kind(member.name) is not None:
                return short_name(self.index.canonical(member.name))
        return ""

    def field(self, t: TypeRef | None, attr: str) -> TypeRef | None:
        """The declared type of the instance field ``attr`` of ``t`` (a place
        candidate), ``None`` if it is not a declared field."""
        receiver = self.instance(t)
        if receiver is None or self.index.field(receiver.name, attr) is None:
            return None
        return self.index.attribute_type(receiver, attr)

    def attribute(self, t: TypeRef | None, attr: str) -> TypeRef | None:
        """The type of reading ``<t>.attr``: a field or a property's value."""
        receiver = self.instance(t)
        return None if receiver is None else self.index.attribute_type(receiver, attr)

    def method(self, t: TypeRef | None, name: str) -> FunctionModel | None:
        """The model of method ``name`` called on a value of type ``t``."""
        receiver = self.instance(t)
        return None if receiver is None else self.index.method(receiver.name, name)

    def tracked_fields(
        self, t: TypeRef | None, depth: int
    ) -> tuple[tuple[str, TypeRef, Kind], ...]:
        """The affine or linear fields below a value of type ``t``, as
        relative paths (``budget``, ``ctx.budget``) of at most ``depth``
        attributes, with their types and kinds."""
        cls = self.class_of(t)
        if cls is None or depth <= 0:
            return ()
        key = f"{cls}/{depth}"
        # A class of the loaded models has the same fields in every checked
        # file: the index keeps them for all (``shared``).
        shared = self.index.shared_fields if t is not None and not t.args and self.index.shares(
            cls) and self.index.cls(cls) is not None else self._fields
        cached = self._fields.get(key) or shared.get(key)
        if cached is None:
            found: list[tuple[str, TypeRef, Kind]] = []
            for name in self._field_names(cls):
                field_type = self.field(t, name)
                kind = self.kind(field_type)
                if field_type is None:
                    continue
                if kind is not None:
                    found.append((name, field_type, kind))
                for sub, sub_type, sub_kind in self.tracked_fields(field_type, depth - 1):
                    found.append((f"{name}.{sub}", sub_type, sub_kind))
            cached = shared[key] = tuple(found)
        return cached

    def _field_names(self, cls: str) -> list[str]:
        names: dict[str, None] = {}
        for name in self.index.mro(cls):
            model = self.index.cls(name)
            if model is not None:
                names.update(dict.fromkeys(model.fields))
                names.update(dict.fromkeys(model.field_calls))
        return list(names)

    def call_result(self, fn: FunctionModel, owner: TypeRef | None) -> TypeRef | None:
        """The type ``fn(...)`` evaluates to (``Self`` is ``owner``); for an
        ``async def``, what awaiting it gives is :func:`awaited`'s business."""
        return resolve_self(fn.returns, owner)

    def settles(self, t: TypeRef | None, *, is_async: bool) -> bool:
        """Whether ``with <t>:`` consumes a tracked value at the end of the
        block: ``t`` is affine or linear and has ``__exit__``/``__aexit__``."""
        if self.kind(t) is None:
            return False
        return self.method(t, "__aexit__" if is_async else "__exit__") is not None

    def enter_type(self, t: TypeRef | None, *, is_async: bool) -> TypeRef | None:
        """The type ``with <t> as x`` binds ``x`` to: what ``__enter__``
        (``__aenter__``) returns, ``Self`` being ``t``."""
        enter = self.method(t, "__aenter__" if is_async else "__enter__")
        return None if enter is None else resolve_self(enter.returns, self.instance(t))

    def element_type(self, t: TypeRef | None, *, is_async: bool = False) -> TypeRef | None:
        """The type of the items iterating a ``t`` yields."""
        return self.index.element_type(t, is_async=is_async)

    def item_type(self, t: TypeRef | None, position: int) -> TypeRef | None:
        """The type at ``position`` when a ``t`` is unpacked (``a, b = t``)."""
        return self.index.item_type(t, position)


COROUTINE: Final = "typing.Coroutine"
"""What calling an ``async def`` gives before it is awaited."""


def coroutine_of(t: TypeRef | None) -> TypeRef | None:
    """The type of calling an ``async def`` returning ``t`` (not yet awaited)."""
    return None if t is None else TypeRef(COROUTINE, (t,))


def awaited(t: TypeRef | None) -> TypeRef | None:
    """The type ``await <t>`` evaluates to, when visible."""
    if t is not None and t.name == COROUTINE and t.args:
        return t.args[-1]
    return None
