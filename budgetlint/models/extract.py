"""Read ownership models out of Python source with the standard library's ``ast``.

One extractor serves every source of models: the ``.pyi`` files in ``stubs/``
and in the user's ``model-paths``, budgetlint's own runtime source, and the
file being checked. Nothing is imported or executed. What it records:

* classes: ``@affine``/``@linear`` (however ``budgetlint`` was imported or
  aliased), bases resolved to fully qualified names, ``@dataclass``, methods,
  and typed fields (class-level annotations; ``self.x: T = ...``,
  ``self.x = param`` with ``param`` annotated, and ``self.x = SomeName(...)``
  in methods);
* module-level functions, imports (relative ones resolved against the
  module's name), annotated module variables;
* markers on functions: ``@consumes``, ``@spawns``, ``@copies``,
  ``@borrows``, ``@cost_bearing`` (SPEC section 8), ``@property``,
  ``@staticmethod``, ``@classmethod``.

Definitions inside ``if``/``try`` blocks at module or class level count (both
branches; a later definition replaces an earlier one). Nested functions and
classes are not modelled.

Overloads: the ``@overload`` items of one name merge into one model. The
parameters are the first item's; the return type is the union of the items'
return types; the ownership markers are the union over the items and the
implementation that follows them (an implementation's own signature is
ignored, as type checkers ignore it for callers).

Standard library only.
"""

from __future__ import annotations

import ast
import builtins
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Final

from budgetlint.engine.ir import Kind
from budgetlint.models.types import (
    NONE,
    UNION,
    ClassModel,
    FunctionModel,
    ModuleModel,
    Param,
    ParamKind,
    SpawnSpec,
    TypeRef,
)

MARKERS: Final = frozenset(
    {"affine", "linear", "consumes", "spawns", "copies", "borrows", "cost_bearing", "Borrowed"}
)
"""Names budgetlint gives meaning to, wherever under ``budgetlint.`` they live."""

BUILTIN_NAMES: Final = frozenset(dir(builtins))

_ALIASES: Final = {
    "typing.List": "builtins.list",
    "typing.Dict": "builtins.dict",
    "typing.Tuple": "builtins.tuple",
    "typing.Set": "builtins.set",
    "typing.FrozenSet": "builtins.frozenset",
    "typing.Type": "builtins.type",
    "typing.Text": "builtins.str",
    "typing.Deque": "collections.deque",
    "typing.DefaultDict": "collections.defaultdict",
    "typing.OrderedDict": "collections.OrderedDict",
    "typing.Counter": "collections.Counter",
    "typing.ChainMap": "collections.ChainMap",
}
# Wrappers that say something about a name or a field, not about the value's type.
_TRANSPARENT: Final = frozenset(
    {
        "typing.Annotated",
        "typing.ClassVar",
        "typing.Final",
        "typing.Required",
        "typing.NotRequired",
        "typing.ReadOnly",
        "dataclasses.InitVar",
    }
)
_TYPEVAR_FACTORIES: Final = frozenset({"typing.TypeVar", "typing.ParamSpec", "typing.TypeVarTuple"})
_GENERIC_BASES: Final = frozenset({"typing.Generic", "typing.Protocol"})
# ``try``/``except*`` (3.11+) has the same fields as ``try``.
_TRY_NODES: Final[tuple[type[ast.Try], ...]] = (
    ast.Try,
    *filter(None, [getattr(ast, "TryStar", None)]),
)
_PROPERTIES: Final = frozenset({"builtins.property", "functools.cached_property"})
_OVERLOAD: Final = "typing.overload"
_DATACLASS: Final = "dataclasses.dataclass"


def normalise_name(fullname: str) -> str:
    """The name mypy uses for a typing construct (``typing.List`` ->
    ``builtins.list``, ``collections.abc.Iterable`` -> ``typing.Iterable``)."""
    for prefix in ("typing_extensions.", "collections.abc."):
        if fullname.startswith(prefix):
            rest = fullname[len(prefix) :]
            # collections.abc.Set is typing.AbstractSet, not builtins.set.
            fullname = "typing.AbstractSet" if rest == "Set" else f"typing.{rest}"
            break
    return _ALIASES.get(fullname, fullname)


def marker_name(fullname: str) -> str | None:
    """The budgetlint marker a resolved name denotes (``"consumes"`` for
    ``budgetlint.consumes`` or ``budgetlint.runtime.ownership.consumes``)."""
    if not fullname.startswith("budgetlint."):
        return None
    short = fullname.rpartition(".")[2]
    return short if short in MARKERS else None


def make_union(members: Iterable[TypeRef]) -> TypeRef:
    """A union of ``members``, flattened and without duplicates; a single
    member stands for itself."""
    flat: list[TypeRef] = []
    for member in members:
        # A borrowed union keeps its own node so the borrow is not lost.
        for item in member.args if member.name == UNION and not member.borrowed else (member,):
            if item not in flat:
                flat.append(item)
    return flat[0] if len(flat) == 1 else TypeRef(UNION, tuple(flat))


def is_known(module: ModuleModel, dotted: str) -> bool:
    """Whether :func:`resolve_name` knows what ``dotted`` refers to."""
    head = dotted.partition(".")[0]
    return head in module.imports or head in module.defined or head in BUILTIN_NAMES


def resolve_name(module: ModuleModel, dotted: str) -> str:
    """Resolve a dotted name used at the top level of ``module``.

    Imports first, then the module's own names, then builtins; an unknown
    name keeps its source text.
    """
    head, dot, rest = dotted.partition(".")
    if head in module.imports:
        base = module.imports[head]
    elif head in module.defined:
        base = f"{module.name}.{head}"
    elif head in BUILTIN_NAMES:
        base = f"builtins.{head}"
    else:
        return dotted
    return f"{base}{dot}{rest}"


def dotted_name(node: ast.expr) -> str | None:
    """``a.b.c`` for a chain of attributes on a name, else ``None``."""
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    parts.append(node.id)
    return ".".join(reversed(parts))


def annotation_to_typeref(node: ast.expr, resolve: Callable[[str], str]) -> TypeRef:
    """Convert an annotation expression to a :class:`TypeRef`.

    ``resolve`` maps a dotted name as written to a fully qualified name (for a
    module-level annotation, ``lambda d: resolve_name(module, d)``). String
    annotations are parsed; see :class:`TypeRef` for the shapes produced.
    """
    if isinstance(node, ast.Constant):
        return _constant_type(node.value, resolve)
    if isinstance(node, ast.Subscript):
        return _subscript_type(node, resolve)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return make_union(
            (annotation_to_typeref(node.left, resolve), annotation_to_typeref(node.right, resolve))
        )
    if isinstance(node, ast.List):
        return TypeRef("[]", tuple(annotation_to_typeref(e, resolve) for e in node.elts))
    dotted = dotted_name(node)
    if dotted is None:
        return TypeRef(ast.unparse(node))
    return TypeRef(normalise_name(resolve(dotted)))


def _constant_type(value: object, resolve: Callable[[str], str]) -> TypeRef:
    if value is None:
        return TypeRef(NONE)
    if value is Ellipsis:
        return TypeRef("...")
    if isinstance(value, str):
        try:
            parsed = ast.parse(value.strip(), mode="eval")
        except SyntaxError:
            return TypeRef(value)
        return annotation_to_typeref(parsed.body, resolve)
    return TypeRef(repr(value))


def _subscript_type(node: ast.Subscript, resolve: Callable[[str], str]) -> TypeRef:
    base = annotation_to_typeref(node.value, resolve).name
    items = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
    if not items:
        return TypeRef(base)
    if base == "typing.Literal":
        # Literal's items are values: a string there is not an annotation.
        return TypeRef(
            base,
            tuple(
                TypeRef(repr(i.value))
                if isinstance(i, ast.Constant)
                else annotation_to_typeref(i, resolve)
                for i in items
            ),
        )
    if marker_name(base) == "Borrowed":
        return replace(annotation_to_typeref(items[0], resolve), borrowed=True)
    if base in _TRANSPARENT:
        return annotation_to_typeref(items[0], resolve)
    args = tuple(annotation_to_typeref(i, resolve) for i in items)
    if base == "typing.Optional":
        return make_union((*args, TypeRef(NONE)))
    if base == UNION:
        return make_union(args)
    return TypeRef(base, args)


def flat_statements(body: Sequence[ast.stmt]) -> Iterator[ast.stmt]:
    """The statements of a module or class body, looking into ``if`` and
    ``try`` blocks (typeshed-style version checks, ``TYPE_CHECKING``,
    optional imports)."""
    for stmt in body:
        if isinstance(stmt, ast.If):
            yield from flat_statements(stmt.body)
            yield from flat_statements(stmt.orelse)
        elif isinstance(stmt, _TRY_NODES):
            yield from flat_statements(stmt.body)
            for handler in stmt.handlers:
                yield from flat_statements(handler.body)
            yield from flat_statements(stmt.orelse)
            yield from flat_statements(stmt.finalbody)
        else:
            yield stmt


def extract_module(tree: ast.Module, name: str, *, is_package: bool = False,
                   skip: Collection[ast.stmt] = ()) -> ModuleModel:
    """Extract the model of the module ``name`` from its parsed source.

    ``is_package`` marks an ``__init__`` module, against which relative
    imports resolve (``from . import x`` in package ``pkg`` is ``pkg.x``).
    Classes in ``skip`` (top-level statements of ``tree`` that name nothing
    tracked, :mod:`budgetlint.lowering.relevance`) get no model: their
    names still resolve. Malformed markers are recorded in
    :attr:`ModuleModel.problems`, never raised.
    """
    module = _scan_names(tree.body, name, is_package)
    _Extractor(module).run(tree.body, skip)
    return module


def _scan_names(body: Sequence[ast.stmt], name: str, is_package: bool) -> ModuleModel:
    """First pass: what the module's top-level names refer to, so that the
    second pass resolves forward references and names shadowing builtins."""
    imports: dict[str, str] = {}
    defined: set[str] = set()
    stars: list[str] = []

    def bind(local: str, target: str | None) -> None:
        # Later bindings win, as they do when the module runs.
        if target is None:
            imports.pop(local, None)
            defined.add(local)
        else:
            defined.discard(local)
            imports[local] = target

    for stmt in flat_statements(body):
        if isinstance(stmt, ast.Import):
            for alias in stmt.names:
                if alias.asname:
                    bind(alias.asname, alias.name)
                else:
                    top = alias.name.partition(".")[0]
                    bind(top, top)
        elif isinstance(stmt, ast.ImportFrom):
            base = _import_base(name, is_package, stmt.level, stmt.module)
            if base == "__future__":
                continue
            for alias in stmt.names:
                if alias.name == "*":
                    stars.append(base)
                else:
                    bind(alias.asname or alias.name, ".".join(filter(None, (base, alias.name))))
        elif isinstance(stmt, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            bind(stmt.name, None)
        elif isinstance(stmt, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
            for target in targets:
                for node in ast.walk(target):
                    if isinstance(node, ast.Name):
                        bind(node.id, None)
    return ModuleModel(
        name=name,
        imports=imports,
        defined=frozenset(defined),
        is_package=is_package,
        star_imports=tuple(stars),
    )


def _import_base(module: str, is_package: bool, level: int, target: str | None) -> str:
    """The absolute module a ``from ... import`` names."""
    if level == 0:
        return target or ""
    parts = module.split(".")
    if not is_package:
        parts.pop()
    del parts[max(len(parts) - (level - 1), 0) :]
    return ".".join(p for p in (*parts, target) if p)


@dataclass(frozen=True)
class _Def:
    """A function definition before overloads are merged."""

    model: FunctionModel
    overload: bool


class _Extractor:
    """Second pass: classes, functions and variables of one module."""

    def __init__(self, module: ModuleModel) -> None:
        self.module = module
        self.type_vars: set[str] = set()

    def resolve(self, dotted: str) -> str:
        return resolve_name(self.module, dotted)

    def type_of(self, node: ast.expr) -> TypeRef:
        return annotation_to_typeref(node, self.resolve)

    def problem(self, node: ast.AST, reason: str) -> None:
        self.module.problems.append((getattr(node, "lineno", 0), reason))

    def run(self, body: Sequence[ast.stmt], skip: Collection[ast.stmt]) -> None:
        prefix = self.module.name
        defs: list[_Def] = []
        for stmt in flat_statements(body):
            if isinstance(stmt, ast.ClassDef) and stmt not in skip:
                self.module.classes[f"{prefix}.{stmt.name}"] = self.cls(stmt)
            elif isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
                found = self.function(stmt, f"{prefix}.{stmt.name}", in_class=False)
                if found is not None:
                    defs.append(found)
            elif isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
                self.module.variables[f"{prefix}.{stmt.target.id}"] = self.type_of(stmt.annotation)
            elif isinstance(stmt, ast.Assign):
                self.note_type_var(stmt)
        self.module.functions.update(
            (model.fullname, model) for model in _merge_definitions(defs).values()
        )

    def note_type_var(self, stmt: ast.Assign) -> None:
        value = stmt.value
        if len(stmt.targets) != 1 or not isinstance(stmt.targets[0], ast.Name):
            return
        if not isinstance(value, ast.Call):
            return
        callee = dotted_name(value.func)
        if callee is not None and normalise_name(self.resolve(callee)) in _TYPEVAR_FACTORIES:
            self.type_vars.add(f"{self.module.name}.{stmt.targets[0].id}")

    # --- classes ------------------------------------------------------------

    def cls(self, node: ast.ClassDef) -> ClassModel:
        fullname = f"{self.module.name}.{node.name}"
        model = ClassModel(fullname=fullname, line=node.lineno)
        for decorator in node.decorator_list:
            resolved, _ = self.decorator(decorator)
            marker = marker_name(resolved)
            if marker == "affine":
                model.kind = Kind.AFFINE
            elif marker == "linear":
                model.kind = Kind.LINEAR
            elif resolved == _DATACLASS:
                model.is_dataclass = True
        model.base_types = tuple(self.type_of(base) for base in node.bases)
        model.bases = tuple(t.name for t in model.base_types)
        model.type_params = self.type_params(node, model.base_types)

        defs: list[_Def] = []
        bodies: list[ast.FunctionDef | ast.AsyncFunctionDef] = []
        for stmt in flat_statements(node.body):
            if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
                model.fields[stmt.target.id] = self.type_of(stmt.annotation)
            elif isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
                found = self.function(stmt, f"{fullname}.{stmt.name}", in_class=True)
                if found is not None:
                    defs.append(found)
                    bodies.append(stmt)
        model.methods = _merge_definitions(defs)
        for found, stmt in zip(defs, bodies, strict=True):
            method = found.model
            if method.params and not (method.is_staticmethod or method.is_classmethod):
                self.instance_fields(stmt, method.params, model)
        return model

    def type_params(self, node: ast.ClassDef, bases: tuple[TypeRef, ...]) -> tuple[str, ...]:
        """PEP 695 parameters, else ``Generic[...]``'s, else the type variables
        in the bases in order of appearance (PEP 484)."""
        declared = getattr(node, "type_params", None)
        if declared:
            return tuple(p.name for p in declared)
        for base in bases:
            if base.name in _GENERIC_BASES and base.args:
                return tuple(a.name for a in base.args)
        seen: list[str] = []
        stack = list(reversed(bases))
        while stack:
            t = stack.pop()
            if t.name in self.type_vars and t.name not in seen:
                seen.append(t.name)
            stack.extend(reversed(t.args))
        return tuple(seen)

    def instance_fields(
        self,
        node: ast.FunctionDef | ast.AsyncFunctionDef,
        params: tuple[Param, ...],
        model: ClassModel,
    ) -> None:
        """Fields a method assigns on its first parameter (``self``)."""
        receiver = params[0].name
        by_name = {p.name: p for p in params}
        nodes = list(_walk_own_body(node.body))
        local_names = set(by_name) | {
            n.id for n in nodes if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)
        }
        for stmt in nodes:
            if isinstance(stmt, ast.AnnAssign):
                attr = _attribute_of(stmt.target, receiver)
                if attr is not None:
                    model.fields.setdefault(attr, self.type_of(stmt.annotation))
            elif isinstance(stmt, ast.Assign):
                for target, value in _assignment_pairs(stmt):
                    attr = _attribute_of(target, receiver)
                    if attr is not None and attr not in model.fields:
                        self.assigned_field(model, attr, value, by_name, local_names)

    def assigned_field(
        self,
        model: ClassModel,
        attr: str,
        value: ast.expr,
        params: dict[str, Param],
        local_names: set[str],
    ) -> None:
        if isinstance(value, ast.Name):
            param = params.get(value.id)
            if param is not None and param.annotation is not None:
                # The field owns what the parameter held, whether or not the
                # parameter was borrowed (storing a borrow is BUD006's business).
                model.fields[attr] = _owned(param.annotation)
        elif isinstance(value, ast.Call):
            callee = dotted_name(value.func)
            if callee is None or callee.partition(".")[0] in local_names:
                return
            if is_known(self.module, callee):
                model.field_calls.setdefault(attr, self.resolve(callee))

    # --- functions ----------------------------------------------------------

    def decorator(self, node: ast.expr) -> tuple[str, ast.Call | None]:
        """The resolved name of a decorator and its call, if it is called."""
        call = node if isinstance(node, ast.Call) else None
        dotted = dotted_name(call.func if call else node)
        return (normalise_name(self.resolve(dotted)) if dotted else "", call)

    def function(
        self, node: ast.FunctionDef | ast.AsyncFunctionDef, fullname: str, *, in_class: bool
    ) -> _Def | None:
        """The model of one definition; ``None`` for a property's setter or deleter."""
        params = self.params(node.args)
        names = {p.name for p in params}
        flags: dict[str, bool] = {}
        consumes: set[str] = set()
        copies: set[str] = set()
        spawns: SpawnSpec | None = None
        for decorator in node.decorator_list:
            if _is_accessor(decorator, node.name):
                return None
            resolved, call = self.decorator(decorator)
            marker = marker_name(resolved)
            if marker in ("consumes", "copies"):
                target = consumes if marker == "consumes" else copies
                given = self.marker_strings(call.args if call else [], decorator)
                target.update(given or ("self",))
            elif marker == "spawns":
                spawns = self.spawn_spec(call, decorator)
            elif marker in ("borrows", "cost_bearing"):
                flags[marker] = True
            elif resolved in _PROPERTIES:
                flags["property"] = True
            elif resolved == "builtins.staticmethod":
                flags["static"] = True
            elif resolved == "builtins.classmethod":
                flags["classmethod"] = True
            elif resolved == _OVERLOAD:
                flags["overload"] = True
        allowed = names | ({"self"} if in_class and not flags.get("static") else set())
        named = [*consumes, *copies, *(spawns.params + spawns.repeated if spawns else ())]
        for param_name in sorted(set(named) - allowed):
            where = node.decorator_list[0] if node.decorator_list else node
            self.problem(where, f"{fullname}: marker names no parameter '{param_name}'")
        model = FunctionModel(
            fullname=fullname,
            params=params,
            returns=self.type_of(node.returns) if node.returns is not None else None,
            consumes=frozenset(consumes),
            spawns=spawns,
            copies=frozenset(copies),
            borrows=flags.get("borrows", False),
            cost_bearing=flags.get("cost_bearing", False),
            is_async=isinstance(node, ast.AsyncFunctionDef),
            line=node.lineno,
            is_property=flags.get("property", False),
            is_staticmethod=flags.get("static", False),
            is_classmethod=flags.get("classmethod", False),
        )
        return _Def(model, flags.get("overload", False))

    def params(self, args: ast.arguments) -> tuple[Param, ...]:
        result: list[Param] = []
        positional = [*args.posonlyargs, *args.args]
        first_default = len(positional) - len(args.defaults)
        for index, arg in enumerate(positional):
            kind = (
                ParamKind.POSITIONAL_ONLY
                if index < len(args.posonlyargs)
                else ParamKind.POSITIONAL_OR_KEYWORD
            )
            result.append(self.param(arg, kind, index >= first_default))
        if args.vararg is not None:
            result.append(self.param(args.vararg, ParamKind.VAR_POSITIONAL, False))
        for arg, default in zip(args.kwonlyargs, args.kw_defaults, strict=True):
            result.append(self.param(arg, ParamKind.KEYWORD_ONLY, default is not None))
        if args.kwarg is not None:
            result.append(self.param(args.kwarg, ParamKind.VAR_KEYWORD, False))
        return tuple(result)

    def param(self, arg: ast.arg, kind: ParamKind, has_default: bool) -> Param:
        annotation = self.type_of(arg.annotation) if arg.annotation is not None else None
        return Param(arg.arg, kind, annotation, has_default, arg.lineno)

    def marker_strings(self, args: Sequence[ast.expr], node: ast.expr) -> tuple[str, ...]:
        """The parameter names given to a marker as string literals."""
        names: list[str] = []
        for arg in args:
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                names.append(arg.value)
            else:
                self.problem(node, "marker arguments must be parameter names as strings")
        return tuple(names)

    def spawn_spec(self, call: ast.Call | None, node: ast.expr) -> SpawnSpec | None:
        if call is None or not call.args:
            self.problem(node, "@spawns needs the names of the parameters that reach the task")
            return None
        params = self.marker_strings(call.args, node)
        repeated: list[str] = []
        joined = False
        for keyword in call.keywords:
            value = keyword.value
            if keyword.arg == "repeated" and isinstance(value, (ast.Tuple, ast.List)):
                repeated.extend(self.marker_strings(value.elts, node))
            elif keyword.arg == "joined" and isinstance(value, ast.Constant):
                joined = value.value is True
            else:
                self.problem(node, "@spawns takes repeated=(names...) and joined=bool keywords")
        return SpawnSpec(params, tuple(repeated), joined)


def _merge_definitions(defs: Iterable[_Def]) -> dict[str, FunctionModel]:
    """By short name: a later definition replaces an earlier one, overloads merge."""
    result: dict[str, FunctionModel] = {}
    overloads: dict[str, list[FunctionModel]] = {}
    implementations: dict[str, FunctionModel] = {}
    for found in defs:
        short = found.model.fullname.rpartition(".")[2]
        if found.overload:
            overloads.setdefault(short, []).append(found.model)
        elif short in overloads:
            implementations[short] = found.model
        else:
            result[short] = found.model
    for short, items in overloads.items():
        result[short] = _merge_overloads(items, implementations.get(short))
    return result


def _merge_overloads(
    items: list[FunctionModel], implementation: FunctionModel | None
) -> FunctionModel:
    every = [*items, *([implementation] if implementation else [])]
    returns = [m.returns for m in items if m.returns is not None]
    return replace(
        items[0],
        returns=make_union(returns) if returns else None,
        consumes=frozenset().union(*(m.consumes for m in every)),
        copies=frozenset().union(*(m.copies for m in every)),
        spawns=next((m.spawns for m in every if m.spawns is not None), None),
        borrows=any(m.borrows for m in every),
        cost_bearing=any(m.cost_bearing for m in every),
        is_async=any(m.is_async for m in every),
    )


def _is_accessor(decorator: ast.expr, name: str) -> bool:
    """``@name.setter`` / ``@name.deleter``: the getter stays the model."""
    return (
        isinstance(decorator, ast.Attribute)
        and decorator.attr in ("setter", "deleter")
        and isinstance(decorator.value, ast.Name)
        and decorator.value.id == name
    )


def _walk_own_body(body: Sequence[ast.stmt]) -> Iterator[ast.AST]:
    """Every node of a function body, not descending into nested scopes."""
    stack: list[ast.AST] = list(reversed(body))
    while stack:
        node = stack.pop()
        yield node
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            stack.extend(reversed(list(ast.iter_child_nodes(node))))


def _assignment_pairs(stmt: ast.Assign) -> Iterator[tuple[ast.expr, ast.expr]]:
    """(target, value) pairs, element-wise for ``self.a, self.b = a, b``."""
    for target in stmt.targets:
        if (
            isinstance(target, (ast.Tuple, ast.List))
            and isinstance(stmt.value, (ast.Tuple, ast.List))
            and len(target.elts) == len(stmt.value.elts)
        ):
            yield from zip(target.elts, stmt.value.elts, strict=True)
        else:
            yield target, stmt.value


def _attribute_of(target: ast.expr, receiver: str) -> str | None:
    if (
        isinstance(target, ast.Attribute)
        and isinstance(target.value, ast.Name)
        and target.value.id == receiver
    ):
        return target.attr
    return None


def _owned(t: TypeRef) -> TypeRef:
    """``t`` without any ``Borrowed`` wrapper."""
    if t.name == UNION:
        return make_union(_owned(m) for m in t.args)
    return replace(t, borrowed=False)
