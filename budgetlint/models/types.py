"""What budgetlint knows about classes and functions, whatever told it.

The same records describe a class read from a ``.pyi`` model in ``stubs/``,
from a user's ``model-paths``, from budgetlint's own runtime source, or from
the file being checked: :mod:`budgetlint.models.extract` builds them from any
of those with the standard library's ``ast``, and both front ends query them
through :class:`budgetlint.models.index.ModelIndex`.

Standard library only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from budgetlint.engine.ir import Kind


@dataclass(frozen=True)
class TypeRef:
    """An annotation, resolved to fully qualified names.

    ``Budget`` -> ``TypeRef("budgetlint.Budget")``; ``list[Budget]`` ->
    ``TypeRef("builtins.list", (TypeRef("budgetlint.Budget"),))``;
    ``Budget | None`` and ``Optional[Budget]`` -> ``TypeRef("typing.Union",
    (TypeRef("budgetlint.Budget"), TypeRef("builtins.None")))``;
    ``Borrowed[Budget]`` -> ``TypeRef("budgetlint.Budget", borrowed=True)``.
    ``Self`` is ``TypeRef("typing.Self")``; an unresolvable name keeps its
    dotted source text.

    Aliases are normalised to the names mypy reports: ``typing.List`` ->
    ``builtins.list``, ``collections.abc.Iterable`` -> ``typing.Iterable``,
    ``typing_extensions.X`` -> ``typing.X``; ``Annotated[T, ...]``,
    ``ClassVar[T]``, ``Final[T]`` and ``Required[T]``-style wrappers -> ``T``.
    Other shapes: ``...`` is ``TypeRef("...")`` (``tuple[Budget, ...]``), the
    parameter list of ``Callable[[A, B], R]`` is ``TypeRef("[]", (A, B))``,
    a ``Literal`` value is ``TypeRef(repr(value))``.
    """

    name: str
    args: tuple[TypeRef, ...] = ()
    borrowed: bool = False

    @property
    def members(self) -> tuple[TypeRef, ...]:
        """The alternatives of a union, or ``(self,)`` for any other type."""
        return self.args if self.name == UNION else (self,)

    @property
    def is_borrowed(self) -> bool:
        """``Borrowed[...]``, also when written inside a union
        (``Borrowed[Budget] | None``)."""
        return self.borrowed or any(m.borrowed for m in self.members)


UNION = "typing.Union"
NONE = "builtins.None"


class ParamKind(Enum):
    """How an argument binds to a parameter (``inspect.Parameter`` kinds)."""

    POSITIONAL_ONLY = "positional-only"
    POSITIONAL_OR_KEYWORD = "positional-or-keyword"
    VAR_POSITIONAL = "var-positional"
    KEYWORD_ONLY = "keyword-only"
    VAR_KEYWORD = "var-keyword"


@dataclass(frozen=True)
class Param:
    """One parameter; a method's parameters include ``self``/``cls``."""

    name: str
    kind: ParamKind
    annotation: TypeRef | None = None
    has_default: bool = False
    line: int = 0


@dataclass(frozen=True)
class SpawnSpec:
    """A spawner (SPEC 4): which parameters' values flow into new tasks.

    ``params`` names the parameters whose arguments reach a task: a
    coroutine argument (``create_task(w(b))``: ``w``'s arguments are sent), a
    callable (its captures are sent), a positional pack (``*args``), an
    ``args=(b,)`` tuple. ``repeated`` lists the parameters whose callable or
    coroutine runs once per task of several (``gather``'s ``*coros``,
    ``map``'s ``fn``): a budget reaching them twice is fan-out.
    ``joined`` marks a call that itself waits for its tasks to end
    (``multiprocessing.pool.Pool.map``): like an awaited spawner call, its
    sends are borrows, but its repeated tasks still run concurrently with
    each other.
    """

    params: tuple[str, ...]
    repeated: tuple[str, ...] = ()
    joined: bool = False


@dataclass(frozen=True)
class FunctionModel:
    """A function or method signature with its ownership effects."""

    fullname: str
    params: tuple[Param, ...] = ()
    returns: TypeRef | None = None
    consumes: frozenset[str] = frozenset()
    """Parameters consumed by the call (``"self"`` for ``@consumes``)."""
    spawns: SpawnSpec | None = None
    copies: frozenset[str] = frozenset()
    """Parameters whose argument is copied (``copy.copy``'s ``x``)."""
    borrows: bool = False
    """Declared borrowing although its parameters are untyped (``print``)."""
    cost_bearing: bool = False
    """Calls that cost money (LLM SDK calls; for the BUD1xx family)."""
    is_async: bool = False
    """``async def``; :attr:`returns` is then the awaited result's type."""
    line: int = 0
    is_property: bool = False
    """``@property`` or ``@functools.cached_property``: read as an attribute."""
    is_staticmethod: bool = False
    is_classmethod: bool = False

    @property
    def noreturn(self) -> bool:
        """Typed ``NoReturn``/``Never``: the call does not come back."""
        return self.returns is not None and self.returns.name in NORETURN_NAMES


NORETURN_NAMES = frozenset(
    {"typing.NoReturn", "typing.Never", "typing_extensions.NoReturn", "typing_extensions.Never"}
)


@dataclass
class ClassModel:
    """A class: its ownership kind, bases, methods and typed fields."""

    fullname: str
    kind: Kind | None = None
    """Declared ``@affine``/``@linear`` (subclasses inherit it via the index)."""
    bases: tuple[str, ...] = ()
    methods: dict[str, FunctionModel] = field(default_factory=dict)
    fields: dict[str, TypeRef] = field(default_factory=dict)
    """Class-level annotations (dataclass fields), and in methods
    ``self.x: T = ...`` and ``self.x = param`` with ``param`` annotated."""
    is_dataclass: bool = False
    line: int = 0
    base_types: tuple[TypeRef, ...] = ()
    """The bases with their type arguments (``MutableSequence[_T]``), in the
    order of :attr:`bases`; used to substitute type variables."""
    type_params: tuple[str, ...] = ()
    """Fully qualified type variables of a generic class (``builtins._T``),
    from ``Generic[...]``/``Protocol[...]`` or in order of appearance in the
    bases (PEP 484)."""
    field_calls: dict[str, str] = field(default_factory=dict)
    """Unannotated fields assigned from a call of a global name in a method
    (``self.budget = Budget(usd=1)``): field -> the callee's fully qualified
    name. The index types them when the callee is a known class or function."""


@dataclass
class ModuleModel:
    """Everything extracted from one module (a model file or a checked file)."""

    name: str
    classes: dict[str, ClassModel] = field(default_factory=dict)
    """By fully qualified name."""
    functions: dict[str, FunctionModel] = field(default_factory=dict)
    """Module-level functions, by fully qualified name."""
    imports: dict[str, str] = field(default_factory=dict)
    """Local alias -> fully qualified name (``{"Budget": "budgetlint.Budget"}``)."""
    variables: dict[str, TypeRef] = field(default_factory=dict)
    """Annotated module-level names, by fully qualified name."""
    defined: frozenset[str] = frozenset()
    """Every name bound at module level by a definition or an assignment
    (imports excluded), for name resolution."""
    is_package: bool = False
    """An ``__init__`` module (relative imports resolve against itself)."""
    star_imports: tuple[str, ...] = ()
    """Modules imported with ``from m import *``, followed for re-exports."""
    problems: list[tuple[int, str]] = field(default_factory=list)
    """Malformed markers (line, reason), e.g. ``@consumes("x")`` naming no
    parameter. Loading a model file turns the first into a ``ModelError``;
    for a checked file the front end decides."""
