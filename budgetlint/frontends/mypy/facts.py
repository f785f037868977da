"""Type facts from mypy: expression types, kinds, callees and their models.

The model facts (:mod:`budgetlint.lowering.facts`) know a value's type only
from what is written; :class:`MypyTypeFacts` refines them with mypy's own
answers: the checker's type map for expressions, declared signatures of
callees in other modules (a parameter declared with the alias
``Borrowed[...]`` keeps the alias in mypy's signatures and through its
cache), ``TypeInfo`` MROs and fields for classes no model declares.
Ownership effects (``@consumes``, spawners, copies, borrows) still come from
the :class:`~budgetlint.models.index.ModelIndex` for modelled names, and from
the ``@affine``/``@linear``/``@consumes`` decorators of the checked project's
own classes.

Those decorators are read from mypy's AST while it is fresh; since a module
loaded from mypy's cache has no decorators left, :func:`record_class_facts`
stores what they say in ``TypeInfo.metadata``, which mypy serializes with the
module: a class checked in an earlier run keeps its kind and its consuming
methods. The plugin records them while mypy checks the decorators, before
mypy writes the module's interface to its cache (the per-module analysis
runs after that write).
"""

from __future__ import annotations

import ast
import bisect
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import replace
from typing import Final

from mypy.lookup import lookup_fully_qualified
from mypy.nodes import (
    ARG_NAMED,
    ARG_NAMED_OPT,
    ARG_STAR,
    ARG_STAR2,
    ArgKind,
    AwaitExpr,
    Block,
    CallExpr,
    ClassDef,
    Decorator,
    Expression,
    FuncBase,
    FuncDef,
    IfStmt,
    IndexExpr,
    MemberExpr,
    MypyFile,
    NameExpr,
    OverloadedFuncDef,
    RefExpr,
    Statement,
    StrExpr,
    SymbolNode,
    TryStmt,
    TypeInfo,
    Var,
)
from mypy.types import (
    CallableType,
    FunctionLike,
    Instance,
    LiteralType,
    NoneType,
    TupleType,
    Type,
    TypeAliasType,
    TypedDictType,
    TypeType,
    TypeVarType,
    UninhabitedType,
    UnionType,
    get_proper_type,
)
from mypy.typevars import fill_typevars_with_any

from budgetlint.engine.ir import Kind
from budgetlint.lowering.facts import TypeFacts
from budgetlint.lowering.relevance import Span
from budgetlint.models.extract import make_union, marker_name
from budgetlint.models.index import ModelIndex
from budgetlint.models.types import NONE, FunctionModel, ModuleModel, Param, ParamKind, TypeRef

TypeLookup = Callable[[Expression], Type | None]
"""The checker's type of an expression, ``None`` where it has none."""

METADATA_KEY: Final = "budgetlint"
"""Our entry in ``TypeInfo.metadata``: ``{"kind": ..., "consumes": {...}}``."""
KIND: Final = "kind"
CONSUMES: Final = "consumes"
BORROWED: Final = "Borrowed"
ROOT_PACKAGE: Final = "budgetlint"
TYPEREF_DEPTH: Final = 2
_COMPOUND: Final = (UnionType, TypeVarType, TupleType, TypedDictType, LiteralType)
"""Types whose instances are not themselves (see :meth:`MypyFacts.instances`)."""
_MAY_HOLD: Final = frozenset({Instance, TypeAliasType, *_COMPOUND})
"""The types :meth:`MypyFacts.kind` may find a kind in (no other is owned)."""
NORETURN: Final = TypeRef("typing.NoReturn")
ANY: Final = TypeRef("typing.Any")
_PARAM_KINDS: Final[dict[ArgKind, ParamKind]] = {
    ARG_STAR: ParamKind.VAR_POSITIONAL,
    ARG_STAR2: ParamKind.VAR_KEYWORD,
    ARG_NAMED: ParamKind.KEYWORD_ONLY,
    ARG_NAMED_OPT: ParamKind.KEYWORD_ONLY,
}


def decorator_marker(expr: Expression) -> tuple[str, tuple[str, ...]] | None:
    """``("consumes", ("self", "other"))`` for ``@consumes("self", "other")``,
    ``("affine", ())`` for ``@affine``; ``None`` for other decorators."""
    names: tuple[str, ...] = ()
    if isinstance(expr, CallExpr):
        names = tuple(a.value for a in expr.args if isinstance(a, StrExpr))
        expr = expr.callee
    if not isinstance(expr, RefExpr):
        return None
    marker = marker_name(expr.fullname)
    return None if marker is None else (marker, names)


def consumed_params(decorators: Iterable[Expression]) -> frozenset[str]:
    """The parameters a ``@consumes`` decorator among ``decorators`` names
    (``self`` when it is bare)."""
    found: set[str] = set()
    for expr in decorators:
        marker = decorator_marker(expr)
        if marker is not None and marker[0] == "consumes":
            found.update(marker[1] or ("self",))
    return frozenset(found)


def _kind_from_ast(defn: ClassDef) -> str | None:
    """``"affine"``/``"linear"`` as a freshly parsed class's decorators say."""
    found = None
    for expr in defn.decorators:
        marker = decorator_marker(expr)
        if marker is not None and marker[0] in ("affine", "linear"):
            found = marker[0]
    return found


def _consumes_from_ast(defn: ClassDef) -> dict[str, list[str]]:
    """Method name -> the parameters its ``@consumes`` names, in a freshly
    parsed class (empty from mypy's cache)."""
    return {
        stmt.func.name: sorted(params)
        for stmt in _flat(defn.defs.body)
        if isinstance(stmt, Decorator) and (params := consumed_params(stmt.decorators))
    }


def _flat(body: Iterable[Statement]) -> Iterator[Statement]:
    """Statements of a module or class body, with those of ``if``/``try`` blocks."""
    for stmt in body:
        yield stmt
        if isinstance(stmt, IfStmt):
            blocks = [*stmt.body, stmt.else_body]
        elif isinstance(stmt, TryStmt):
            blocks = [stmt.body, *stmt.handlers, stmt.else_body, stmt.finally_body]
        else:
            continue
        for block in blocks:
            if isinstance(block, Block):
                yield from _flat(block.body)


def record_class_facts(info: TypeInfo) -> None:
    """Store what the ownership decorators of ``info``'s class and methods
    say in its ``TypeInfo.metadata``, which mypy's cache keeps."""
    facts: dict[str, object] = {}
    kind = _kind_from_ast(info.defn)
    if kind is not None:
        facts[KIND] = kind
    consumes = _consumes_from_ast(info.defn)
    if consumes:
        facts[CONSUMES] = consumes
    if facts:
        info.metadata[METADATA_KEY] = facts


def declared_kind(info: TypeInfo) -> Kind | None:
    """The kind ``@affine``/``@linear`` on the class itself declares:
    recorded, or read from its decorators."""
    recorded = info.metadata.get(METADATA_KEY)
    kind = recorded.get(KIND) if recorded is not None else _kind_from_ast(info.defn)
    return Kind(kind) if isinstance(kind, str) else None


def declared_consumes(info: TypeInfo, method: str) -> frozenset[str]:
    """The parameters ``@consumes`` on ``info``'s own ``method`` names:
    recorded, or read from its decorators."""
    recorded = info.metadata.get(METADATA_KEY)
    consumes = recorded.get(CONSUMES, {}) if recorded is not None else _consumes_from_ast(
        info.defn)
    names = consumes.get(method, []) if isinstance(consumes, dict) else []
    return frozenset(str(name) for name in names)


class MypyIndex(ModelIndex):
    """The shared index, which also knows the kinds of the classes only mypy
    sees (the checked project's own ``@affine`` classes and their subclasses,
    subclasses of modelled classes), so that the lowering helpers asking
    :meth:`kind_of` about a parameter agree with mypy's types."""

    def __init__(self, base: ModelIndex) -> None:
        # Shares the loaded models (as ModelIndex.with_module does).
        self._setup(base._store, base._overlay)
        self.mypy_kinds: dict[str, Kind | None] = {}
        self.standard_kinds: dict[TypeInfo, Kind | None] = {}
        """Kinds of the standard library's classes, kept for the whole run:
        no decorator of budgetlint's is on them, so only the models and the
        configuration (fixed for a run) say what they are."""
        self._sources: frozenset[str] | None = None

    def owned_sources(self) -> frozenset[str]:
        """The modules without which no value can be affine or linear: the
        modelled modules defining such classes, those of the configured
        ``extra-affine``/``extra-linear`` classes, and ``budgetlint`` (its
        runtime and the decorators that declare the project's own)."""
        if self._sources is None:
            names = {ROOT_PACKAGE}
            names.update(module.name for module in self._store.modules.values()
                         if any(self.kind(cls) is not None for cls in module.classes))
            names.update(cls.rpartition(".")[0] for cls in self._store.extra)
            self._sources = frozenset(names)
        return self._sources

    def for_module(self, model: ModuleModel) -> MypyIndex:
        """This index with ``model`` (the module being analysed) added, as
        :meth:`ModelIndex.with_module` does, keeping mypy's kinds."""
        self._setup(self._store, model)
        return self

    def kind(self, class_fullname: str) -> Kind | None:
        """The index's answer, else the kind mypy's class hierarchy gives."""
        found = super().kind(class_fullname)
        return found if found is not None else self.mypy_kinds.get(class_fullname)


class MypyFacts:
    """Type questions about one checked module, answered from mypy."""

    def __init__(self, index: MypyIndex, types: TypeLookup) -> None:
        self.index = index
        index.mypy_kinds.clear()  # kinds are re-read per module (a dmypy edit changes them)
        self._types = types
        self._class_kinds: dict[TypeInfo, Kind | None] = {}
        self._fields: dict[TypeInfo, dict[str, Type]] = {}
        self._models: dict[FuncBase | Decorator, FunctionModel] = {}

    # --- types of expressions ----------------------------------------------------

    def type_of(self, expr: Expression) -> Type | None:
        """The type mypy gave ``expr``; for a name or attribute it did not
        type (unreachable code, a function not checked yet), its declared or
        inferred variable type."""
        found = self._types(expr)
        if found is not None:
            return found
        if isinstance(expr, RefExpr) and isinstance(expr.node, Var):
            return expr.node.type
        if isinstance(expr, CallExpr) and isinstance(expr.callee, RefExpr) and isinstance(
                expr.callee.node, TypeInfo):
            # A constructor call in a body mypy did not check (unannotated).
            return fill_typevars_with_any(expr.callee.node)
        return None

    def kind(self, t: Type | None) -> Kind | None:
        """The ownership kind of a value of type ``t``: its class's, or that
        of the affine member of a union (``Budget | None``)."""
        found = get_proper_type(t)
        if isinstance(found, Instance):  # the common case first: this runs on every value
            return self.class_kind(found.type)
        if not isinstance(found, _COMPOUND):
            return None  # Any, None, callables, type objects...
        return _strongest(self.class_kind(info) for info in self.instances(found))


    def is_borrowed(self, t: Type | None) -> bool:
        """Whether ``t`` is declared ``Borrowed[...]`` (directly or in a union)."""
        if isinstance(t, TypeAliasType):
            if t.alias is not None and marker_name(t.alias.fullname) == BORROWED:
                return True
            return self.is_borrowed(get_proper_type(t))
        return isinstance(t, UnionType) and any(self.is_borrowed(item) for item in t.items)

    def instances(self, t: Type | None) -> Iterator[TypeInfo]:
        """The classes a value of type ``t`` is an instance of (union members)."""
        proper = get_proper_type(t)
        if isinstance(proper, UnionType):
            for item in proper.items:
                yield from self.instances(item)
        elif isinstance(proper, Instance):
            yield proper.type
        elif isinstance(proper, TupleType):
            yield proper.partial_fallback.type
        elif isinstance(proper, (TypedDictType, LiteralType)):
            yield proper.fallback.type
        elif isinstance(proper, TypeVarType):
            # ``Self`` and bounded type variables: the bound's class.
            yield from self.instances(proper.upper_bound)

    def may_own(self, file: MypyFile, typed: TypedLines) -> bool:
        """Whether anything in ``file`` can be affine or linear: a class it
        names (defined or imported), a parameter of one of its functions or
        methods, or the type of one of its expressions (``typed``; inferred
        types reach modules that import no budget)."""
        for symbol in file.names.values():
            node = symbol.node
            if isinstance(node, TypeInfo):
                if self.class_kind(node) is not None:
                    return True
                if node.module_name == file.fullname and any(
                        self._owning_signature(method.node)
                        for method in node.names.values()):
                    return True
            elif self._owning_signature(node):
                return True
        return bool(typed.lines)

    def _owning_signature(self, node: SymbolNode | None) -> bool:
        """A function with an affine or linear parameter."""
        if not isinstance(node, (FuncBase, Decorator)):
            return False
        func = _func_def(node)
        signature = func.type if func is not None else None
        return isinstance(signature, CallableType) and any(
            self.kind(t) is not None for t in signature.arg_types)

    def class_kind(self, info: TypeInfo) -> Kind | None:
        """A class's kind: modelled, configured, or declared with
        ``@affine``/``@linear`` on it or on a base (linear wins)."""
        standard = self.index.standard_kinds
        if info in standard:
            return standard[info]
        if info not in self._class_kinds:
            self._class_kinds[info] = None  # a broken cyclic hierarchy ends here
            kinds: list[Kind | None] = []
            for base in info.mro:
                kinds.append(self.index.kind(base.fullname))
                kinds.append(declared_kind(base))
            found = _strongest(kinds)
            self._class_kinds[info] = found
            self.index.mypy_kinds[info.fullname] = found
            if info.module_name.partition(".")[0] in sys.stdlib_module_names:
                standard[info] = found
        return self._class_kinds[info]

    # --- fields and places -------------------------------------------------------

    def field_type(self, receiver: Type | None, name: str) -> Type | None:
        """The declared type of the instance field ``name`` of ``receiver``
        (``None`` for properties, methods and unknown attributes)."""
        proper = get_proper_type(receiver)
        if not isinstance(proper, Instance):
            return None
        return self._field_types(proper.type).get(name)

    def _field_types(self, info: TypeInfo) -> dict[str, Type]:
        """Instance and class variables along the MRO (not dunders, not
        methods or properties), a subclass's declaration winning."""
        fields = self._fields.get(info)
        if fields is None:
            fields = {}
            for base in reversed(info.mro):
                for name, symbol in base.names.items():
                    node = symbol.node
                    if isinstance(node, Var) and node.type is not None and not (
                            node.is_property or name.startswith("__")):
                        fields[name] = node.type
                    else:
                        fields.pop(name, None)
            self._fields[info] = fields
        return fields


    # --- type references for the lowering helpers --------------------------------

    def typeref(self, t: Type | None, depth: int = TYPEREF_DEPTH) -> TypeRef | None:
        """``t`` as the models spell types; ``None`` for ``Any``/unknown.
        Type arguments are kept ``depth`` levels down (recursive aliases,
        such as a JSON type, have no bottom; the lowering helpers only look
        at the members of a parameter's type)."""
        if t is None or depth < 0:
            return None
        if isinstance(t, TypeAliasType):
            inner = self.typeref(get_proper_type(t), depth)
            if inner is not None and self.is_borrowed(t):
                return TypeRef(inner.name, inner.args, borrowed=True)
            return inner
        proper = get_proper_type(t)
        below = depth - 1

        def args(items: Iterable[Type]) -> tuple[TypeRef, ...]:
            return tuple(self.typeref(a, below) or ANY for a in items) if depth > 0 else ()

        if isinstance(proper, Instance):
            self.class_kind(proper.type)  # so that the index knows its kind
            return TypeRef(proper.type.fullname, args(proper.args))
        if isinstance(proper, UnionType):
            return make_union(self.typeref(item, below) or ANY for item in proper.items)
        if isinstance(proper, NoneType):
            return TypeRef(NONE)
        if isinstance(proper, TupleType):
            return TypeRef("builtins.tuple", args(proper.items))
        if isinstance(proper, (LiteralType, TypedDictType)):
            return self.typeref(proper.fallback, depth)
        if isinstance(proper, TypeVarType):
            return self.typeref(proper.upper_bound, below)
        if isinstance(proper, UninhabitedType):
            return NORETURN
        if isinstance(proper, TypeType):
            return TypeRef("builtins.type", args([proper.item]))
        if isinstance(proper, FunctionLike):
            return TypeRef("typing.Callable")
        return None

    # --- callees ----------------------------------------------------------------

    def function_model(self, node: FuncBase | Decorator) -> FunctionModel:
        """The model of a function mypy knows (see :meth:`_function_model`)."""
        return self._function_model(node)

    def method_model(self, receiver: Instance, name: str) -> FunctionModel | None:
        """Method ``name`` found along ``receiver``'s MRO: the index's model
        below a modelled class, else the definition's own, or a callable
        attribute's signature (``self.on_done(b)``)."""
        for base in receiver.type.mro:
            if self.index.cls(base.fullname) is not None:
                model = self.index.method(base.fullname, name)
                if model is not None:
                    return model
            symbol = base.names.get(name)
            if symbol is None:
                continue
            node = symbol.node
            if isinstance(node, (FuncBase, Decorator)):
                func = _func_def(node)
                return replace(self._function_model(node, base),
                               is_staticmethod=func is not None and func.is_static,
                               is_classmethod=func is not None and func.is_class)
            break
        attr = get_proper_type(self._field_types(receiver.type).get(name))
        if isinstance(attr, CallableType):
            return self._signature_model(name, attr, frozenset())
        return None

    def field_names(self, info: TypeInfo) -> Iterable[str]:
        """The instance fields of ``info``'s class, along its MRO."""
        return self._field_types(info).keys()


    def _function_model(self, node: FuncBase | Decorator,
                        owner: TypeInfo | None = None) -> FunctionModel:
        """A function's model: the index's for a modelled name, else one read
        from its declared signature and ``@consumes`` decorators. ``owner``
        is the class defining a method."""
        key = node
        cached = self._models.get(key)
        if cached is not None:
            return cached
        modelled = self.index.function(node.fullname)
        if modelled is not None:
            self._models[key] = modelled
            return modelled
        func = _func_def(node)
        consumes = self._declared_consumes(node, func, owner)
        signature = func.type if func is not None else None
        if isinstance(signature, CallableType):
            model = self._signature_model(node.fullname, signature, consumes,
                                          is_async=func is not None and func.is_coroutine)
        else:
            # Unannotated: every parameter borrows; only markers matter.
            params = () if func is None else tuple(
                Param(name or f"__arg{position}", _param_kind(kind, name is None),
                      has_default=kind.is_optional())
                for position, (name, kind) in enumerate(zip(func.arg_names, func.arg_kinds,
                                                            strict=True)))
            model = FunctionModel(node.fullname, params, consumes=consumes,
                                  is_async=func is not None and func.is_coroutine)
        self._models[key] = model
        return model

    def _declared_consumes(self, node: FuncBase | Decorator, func: FuncDef | None,
                           owner: TypeInfo | None) -> frozenset[str]:
        """``@consumes`` on a function: from its decorators while the AST is
        fresh, else from the facts recorded with the class defining it (a
        method loaded from mypy's cache knows neither its decorators nor
        its class)."""
        if isinstance(node, Decorator) and node.decorators:
            return consumed_params(node.decorators)
        if owner is None and func is not None and func.info:
            owner = func.info
        if owner is None or func is None:  # a module-level function
            return frozenset()
        return declared_consumes(owner, func.name)


    def _signature_model(self, fullname: str, signature: CallableType, consumes: frozenset[str],
                         *, is_async: bool = False) -> FunctionModel:
        params = []
        for position, (name, kind, t) in enumerate(
                zip(signature.arg_names, signature.arg_kinds, signature.arg_types, strict=True)):
            pos_only = name is None
            params.append(Param(name or f"__arg{position}", _param_kind(kind, pos_only),
                                self.typeref(t), has_default=kind.is_optional()))
        ret = get_proper_type(signature.ret_type)
        returns = NORETURN if isinstance(ret, UninhabitedType) else self.typeref(signature.ret_type)
        return FunctionModel(fullname, tuple(params), returns, consumes=consumes, is_async=is_async)


def _strongest(kinds: Iterable[Kind | None]) -> Kind | None:
    """Linear wins over affine (a linear class is affine too)."""
    found = None
    for kind in kinds:
        if kind is Kind.LINEAR:
            return kind
        found = found or kind
    return found


def _param_kind(kind: ArgKind, pos_only: bool) -> ParamKind:
    found = _PARAM_KINDS.get(kind)
    if found is not None:
        return found
    return ParamKind.POSITIONAL_ONLY if pos_only else ParamKind.POSITIONAL_OR_KEYWORD


def _func_def(node: FuncBase | Decorator) -> FuncDef | None:
    """The definition whose signature callers see: the function, or the
    first item of an overload (as the model extractor reads overloads)."""
    if isinstance(node, Decorator):
        return node.func
    if isinstance(node, OverloadedFuncDef):
        first = node.items[0] if node.items else node.impl
        return _func_def(first) if first is not None else None
    return node if isinstance(node, FuncDef) else None


_CATEGORIES: Final[dict[type[ast.expr], type[Expression]]] = {
    ast.Name: NameExpr,
    ast.Attribute: MemberExpr,
    ast.Call: CallExpr,
    ast.Subscript: IndexExpr,
    ast.Await: AwaitExpr,
}
"""The ``ast`` nodes whose mypy counterparts carry types the walker can use."""

_Span = tuple[type[Expression], int, int, int | None, int | None]


class MypyTypeFacts(TypeFacts):
    """The walker's facts in the mypy plugin: the model facts of the module,
    with expression types refined by mypy's.

    mypy builds its nodes from the same ``ast`` tree, so an expression of
    the walker's tree and its mypy node have the same class (up to
    :data:`_CATEGORIES`) and the same span. What is written wins where it
    makes a value affine or linear; mypy's type serves where nothing
    written does (inferred locals, ``dict.pop()``, ``Queue.get()``), and
    only when it is affine or linear, or ``NoReturn``: mypy then adds
    values to track, never takes one away.
    """

    def __init__(self, index: MypyIndex, model: ModuleModel, mypy: MypyFacts,
                 types: Iterable[Expression], modules: dict[str, MypyFile]) -> None:
        super().__init__(index, model)
        self.mypy = mypy
        self.modules = modules
        """mypy's modules of the build: what the models do not hold (the
        project's other modules, installed packages with inline types) is
        read from their symbol tables."""
        self._looked: set[str] = set()
        self._at: dict[_Span, Expression] = {}
        wanted = tuple(_CATEGORIES.values())
        for expr in types:
            if isinstance(expr, wanted):
                self._at[(type(expr), expr.line, expr.column, expr.end_line,
                          expr.end_column)] = expr

    def refine(self, node: ast.expr, written: TypeRef | None) -> TypeRef | None:
        if written is not None and self.kind(written) is not None:
            return written
        category = _CATEGORIES.get(type(node))
        if category is None:
            return written
        expr = self._at.get((category, node.lineno, node.col_offset, node.end_lineno,
                             node.end_col_offset))
        if expr is None:
            return written
        found = self.mypy.typeref(self.mypy.type_of(expr))
        if found is not None and (found == NORETURN or self.kind(found) is not None):
            return found
        return written

    # --- what no model holds: mypy's symbol tables ---------------------------------

    def _symbol(self, fullname: str) -> SymbolNode | None:
        found = lookup_fully_qualified(fullname, self.modules)
        return None if found is None else found.node

    def _info(self, t: TypeRef | None) -> TypeInfo | None:
        """mypy's class of the values of type ``t``, if it has one."""
        receiver = self.instance(t)
        node = None if receiver is None else self._symbol(receiver.name)
        if isinstance(node, TypeInfo):
            self.mypy.class_kind(node)  # the index learns its kind
            return node
        return None

    def is_class(self, fullname: str) -> bool:
        return super().is_class(fullname) or self._info(TypeRef(fullname)) is not None

    def function(self, fullname: str) -> FunctionModel | None:
        found = super().function(fullname)
        if found is not None:
            return found
        node = self._symbol(fullname)
        return self.mypy.function_model(node) if isinstance(node, (FuncBase, Decorator)) else None

    def constructor(self, cls: str) -> FunctionModel | None:
        if self.index.cls(cls) is not None:
            return super().constructor(cls)
        info = self._info(TypeRef(cls))
        return None if info is None else self.mypy.method_model(Instance(info, []), "__init__")

    def method(self, t: TypeRef | None, name: str) -> FunctionModel | None:
        receiver = self.instance(t)
        if receiver is None or self.index.cls(receiver.name) is not None:
            return super().method(t, name)
        info = self._info(receiver)
        return None if info is None else self.mypy.method_model(Instance(info, []), name)

    def field(self, t: TypeRef | None, attr: str) -> TypeRef | None:
        receiver = self.instance(t)
        if receiver is None or self.index.cls(receiver.name) is not None:
            return super().field(t, attr)
        info = self._info(receiver)
        return None if info is None else self.mypy.typeref(
            self.mypy.field_type(Instance(info, []), attr))

    def _field_names(self, cls: str) -> list[str]:
        if self.index.cls(cls) is not None:
            return super()._field_names(cls)
        info = self._info(TypeRef(cls))
        return [] if info is None else list(self.mypy.field_names(info))

    def kind(self, t: TypeRef | None) -> Kind | None:
        # A class no model declares (a subclass of an affine class in another
        # module) has the kind mypy's class hierarchy gives it; looking it up
        # once tells the index (MypyIndex.kind).
        if t is not None:
            for member in t.members:
                if member.name not in self._looked:
                    self._looked.add(member.name)
                    self._info(member)
        return super().kind(t)


class TypedLines:
    """The lines on which mypy typed an expression affine or linear."""

    def __init__(self, types: Mapping[Expression, Type], mypy: MypyFacts) -> None:
        # This runs over every typed expression of every checked module:
        # most types are plain instances, answered by one lookup per class.
        kinds: dict[TypeInfo, Kind | None] = {}
        found: set[int] = set()
        for expr, t in types.items():
            if type(t) is Instance:
                info = t.type
                kind = kinds[info] if info in kinds else kinds.setdefault(
                    info, mypy.class_kind(info))
            elif type(t) in _MAY_HOLD:
                kind = mypy.kind(t)
            else:
                continue  # Any, None, callables, type objects...
            if kind is not None:
                found.add(expr.line)
        self.lines = sorted(found)

    def within(self, span: Span) -> bool:
        """Whether one lies inside a statement's ``span``: a definition the
        text does not tie to budgets may still hold one (an import from
        another module of the project)."""
        first = bisect.bisect_left(self.lines, span[0])
        return first < len(self.lines) and self.lines[first] <= span[1]
