"""The model layer: extraction, the index's lookups, loading, and the built-in models."""

from __future__ import annotations

import ast
import inspect
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from budgetlint.config import Settings
from budgetlint.engine.ir import Kind
from budgetlint.models import markers
from budgetlint.models.extract import annotation_to_typeref, extract_module
from budgetlint.models.index import (
    ModelError,
    ModelIndex,
    clear_model_cache,
    load_index,
)
from budgetlint.models.types import (
    NONE,
    UNION,
    ModuleModel,
    Param,
    ParamKind,
    SpawnSpec,
    TypeRef,
)

BUDGET = "budgetlint.runtime.budget.Budget"
RESERVATION = "budgetlint.runtime.budget.Reservation"


def module(source: str, name: str = "m", *, is_package: bool = False) -> ModuleModel:
    return extract_module(ast.parse(textwrap.dedent(source)), name, is_package=is_package)


def ref(name: str, *args: TypeRef, borrowed: bool = False) -> TypeRef:
    return TypeRef(name, tuple(args), borrowed)


def union(*members: TypeRef) -> TypeRef:
    return TypeRef(UNION, members)


NONE_REF = TypeRef(NONE)


@pytest.fixture
def index() -> ModelIndex:
    return load_index(Settings())


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


# --- extraction: classes ---------------------------------------------------------


@pytest.mark.parametrize(
    ("imports", "affine", "linear"),
    [
        ("from budgetlint import affine, linear", "affine", "linear"),
        ("import budgetlint", "budgetlint.affine", "budgetlint.linear"),
        ("import budgetlint as bl", "bl.affine", "bl.linear"),
        ("from budgetlint import affine as aff, linear as lin", "aff", "lin"),
        ("from budgetlint.runtime import ownership", "ownership.affine", "ownership.linear"),
    ],
)
def test_kind_decorators_are_recognised_however_imported(
    imports: str, affine: str, linear: str
) -> None:
    m = module(f"{imports}\n@{affine}\nclass A: ...\n@{linear}\nclass L: ...\nclass P: ...\n")
    assert m.classes["m.A"].kind is Kind.AFFINE
    assert m.classes["m.L"].kind is Kind.LINEAR
    assert m.classes["m.P"].kind is None


def test_a_decorator_of_the_same_name_from_elsewhere_is_not_a_marker() -> None:
    m = module("from other import affine\n@affine\nclass A: ...\n")
    assert m.classes["m.A"].kind is None


def test_bases_resolve_through_imports_and_local_classes() -> None:
    m = module(
        """
        import budgetlint as bl
        from pkg.core import Base as Renamed
        from typing import Generic, TypeVar
        T = TypeVar("T")
        class Local: ...
        class C(Renamed, Local, bl.Budget, Generic[T]): ...
        """
    )
    c = m.classes["m.C"]
    assert c.bases == ("pkg.core.Base", "m.Local", "budgetlint.Budget", "typing.Generic")
    assert c.base_types[3] == ref("typing.Generic", ref("m.T"))
    assert c.type_params == ("m.T",)
    assert c.line == 7


def test_type_params_come_from_the_bases_in_order_when_generic_is_not_written() -> None:
    m = module(
        """
        from typing import Mapping, TypeVar
        K = TypeVar("K")
        V = TypeVar("V")
        class Table(Mapping[K, V]): ...
        """
    )
    assert m.classes["m.Table"].type_params == ("m.K", "m.V")


@pytest.mark.parametrize(
    "decorator",
    ["@dataclass", "@dataclasses.dataclass", "@dataclass(frozen=True)", "@dc.dataclass()"],
)
def test_dataclasses_are_flagged_with_their_fields(decorator: str) -> None:
    m = module(
        f"""
        import dataclasses
        import dataclasses as dc
        from dataclasses import dataclass
        from typing import ClassVar
        from budgetlint import Budget
        {decorator}
        class Ctx:
            budget: Budget
            limit: ClassVar[int]
            label = "plain attributes without annotation are not fields"
        """
    )
    ctx = m.classes["m.Ctx"]
    assert ctx.is_dataclass
    assert ctx.fields == {"budget": ref("budgetlint.Budget"), "limit": ref("builtins.int")}


def test_fields_assigned_in_methods() -> None:
    m = module(
        """
        from budgetlint import Borrowed, Budget
        import budgetlint
        def make() -> Budget: ...
        class Agent:
            declared: int
            def __init__(self, parent: Borrowed[Budget], n: int, loose) -> None:
                self.annotated: Budget = parent.split(usd=1)
                self.stored = parent
                self.constructed = budgetlint.Budget(usd=1)
                self.made = make()
                self.count = n
                self.loose = loose
                self.declared = "class-level annotation wins"
                self.a, self.b = n, parent
                factory = make
                self.local_call = factory()
                self.param_call = parent.split(usd=1)
                self.unknown_call = nowhere()
                def nested(inner: int) -> None:
                    self.nested = inner
            @staticmethod
            def static(self: int) -> None:
                self.not_a_field = self
        """
    )
    agent = m.classes["m.Agent"]
    assert agent.fields == {
        "declared": ref("builtins.int"),
        "annotated": ref("budgetlint.Budget"),
        "stored": ref("budgetlint.Budget"),  # the field owns what the borrow held
        "count": ref("builtins.int"),
        "a": ref("builtins.int"),
        "b": ref("budgetlint.Budget"),
    }
    assert agent.field_calls == {"constructed": "budgetlint.Budget", "made": "m.make"}


def test_methods_and_their_markers() -> None:
    m = module(
        """
        import functools
        from budgetlint import consumes
        from budgetlint.models.markers import borrows, copies, cost_bearing, spawns
        import budgetlint.models.markers as mk
        class C:
            @consumes
            def close(self) -> None: ...
            @consumes("self", "other")
            def merge(self, other: C) -> C: ...
            @consumes("child")
            def reclaim(self, child: C) -> None: ...
            @spawns("fn", "args", repeated=("fn",), joined=True)
            def map(self, fn: object, *args: object) -> None: ...
            @mk.copies("self")
            def __copy__(self) -> C: ...
            @copies
            def dup(this) -> C: ...
            @borrows
            def show(self, x) -> str: ...
            @cost_bearing
            async def ask(self, **params: object) -> str: ...
            @property
            def value(self) -> int: ...
            @value.setter
            def value(self, v: int) -> None: ...
            @functools.cached_property
            def cached(self) -> int: ...
            @staticmethod
            def s(x: int) -> int: ...
            @classmethod
            def k(cls) -> C: ...
        """
    )
    methods = m.classes["m.C"].methods
    assert methods["close"].consumes == {"self"}
    assert methods["merge"].consumes == {"self", "other"}
    assert methods["reclaim"].consumes == {"child"}
    assert methods["map"].spawns == SpawnSpec(("fn", "args"), ("fn",), joined=True)
    assert methods["__copy__"].copies == {"self"}
    assert methods["dup"].copies == {"self"}
    assert methods["show"].borrows and not methods["close"].borrows
    assert methods["ask"].cost_bearing and methods["ask"].is_async
    assert methods["value"].is_property and methods["value"].returns == ref("builtins.int")
    assert methods["cached"].is_property
    assert methods["s"].is_staticmethod and methods["k"].is_classmethod
    assert methods["merge"].fullname == "m.C.merge"
    assert methods["merge"].returns == ref("m.C")


def test_parameters_keep_kinds_defaults_and_annotations() -> None:
    m = module("def f(a: int, /, b, c=1, *args: str, d: bytes, e=2, **kw: float) -> None: ...\n")
    assert m.functions["m.f"].params == (
        Param("a", ParamKind.POSITIONAL_ONLY, ref("builtins.int"), False, 1),
        Param("b", ParamKind.POSITIONAL_OR_KEYWORD, None, False, 1),
        Param("c", ParamKind.POSITIONAL_OR_KEYWORD, None, True, 1),
        Param("args", ParamKind.VAR_POSITIONAL, ref("builtins.str"), False, 1),
        Param("d", ParamKind.KEYWORD_ONLY, ref("builtins.bytes"), False, 1),
        Param("e", ParamKind.KEYWORD_ONLY, None, True, 1),
        Param("kw", ParamKind.VAR_KEYWORD, ref("builtins.float"), False, 1),
    )


def test_overloads_merge_signature_returns_and_markers() -> None:
    m = module(
        """
        from typing import overload
        from budgetlint import Budget, consumes
        class Pool:
            @overload
            def take(self, key: str) -> Budget: ...
            @overload
            def take(self, key: str, default: None) -> Budget | None: ...
            @consumes("key")
            def take(self, key, default=None): ...
        """
    )
    take = m.classes["m.Pool"].methods["take"]
    assert [p.name for p in take.params] == ["self", "key"]
    assert take.returns == union(ref("budgetlint.Budget"), NONE_REF)
    assert take.consumes == {"key"}


def test_a_later_definition_replaces_an_earlier_one() -> None:
    m = module("def f() -> int: ...\ndef f() -> str: ...\n")
    assert m.functions["m.f"].returns == ref("builtins.str")


# --- extraction: module level ------------------------------------------------------


def test_module_functions_imports_and_variables() -> None:
    m = module(
        """
        from __future__ import annotations
        import os.path
        import asyncio as aio
        from . import sibling
        from .core import Budget as B
        from ..top import thing
        from shared import *
        budget: B
        LIMIT = 3
        async def run(b: B) -> None: ...
        def plain() -> None: ...
        """,
        "pkg.sub.mod",
    )
    assert m.imports == {
        "os": "os",
        "aio": "asyncio",
        "sibling": "pkg.sub.sibling",
        "B": "pkg.sub.core.Budget",
        "thing": "pkg.top.thing",
    }
    assert m.star_imports == ("shared",)
    assert m.variables == {"pkg.sub.mod.budget": ref("pkg.sub.core.Budget")}
    assert m.defined == {"budget", "LIMIT", "run", "plain"}
    assert m.functions["pkg.sub.mod.run"].is_async
    assert not m.functions["pkg.sub.mod.plain"].is_async
    assert m.functions["pkg.sub.mod.run"].params[0].annotation == ref("pkg.sub.core.Budget")


def test_relative_imports_in_a_package_resolve_against_the_package() -> None:
    m = module(
        "from . import x\nfrom .y import Z\nfrom .... import far\n", "pkg.sub", is_package=True
    )
    assert m.imports == {"x": "pkg.sub.x", "Z": "pkg.sub.y.Z", "far": "far"}


def test_definitions_inside_if_and_try_blocks_count() -> None:
    m = module(
        """
        import sys
        from typing import TYPE_CHECKING
        if TYPE_CHECKING:
            from budgetlint import Budget
        try:
            from typing import Self
        except ImportError:
            from typing_extensions import Self
        if sys.version_info >= (3, 11):
            def f(b: Budget) -> Self: ...
        else:
            def g() -> None: ...
        """
    )
    assert m.functions["m.f"].params[0].annotation == ref("budgetlint.Budget")
    assert m.functions["m.f"].returns == ref("typing.Self")
    assert "m.g" in m.functions


def test_nested_functions_and_classes_are_not_modelled() -> None:
    m = module("def outer() -> None:\n    def inner() -> None: ...\n    class K: ...\n")
    assert set(m.functions) == {"m.outer"}
    assert m.classes == {}


# --- extraction: annotations -------------------------------------------------------


def annotation(text: str, imports: str = "") -> TypeRef:
    m = module(f"{imports}\nx: {text}\n")
    return m.variables["m.x"]


BUDGET_REF = ref("budgetlint.Budget")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Optional[Budget]", union(BUDGET_REF, NONE_REF)),
        ("Budget | None", union(BUDGET_REF, NONE_REF)),
        ("Union[Budget, None]", union(BUDGET_REF, NONE_REF)),
        ("Union[Budget, Optional[int]]", union(BUDGET_REF, ref("builtins.int"), NONE_REF)),
        ("Budget | Budget", BUDGET_REF),
        ("'Budget'", BUDGET_REF),
        ("'Budget | None'", union(BUDGET_REF, NONE_REF)),
        ("Borrowed[Budget]", ref("budgetlint.Budget", borrowed=True)),
        ("budgetlint.Borrowed[Budget]", ref("budgetlint.Budget", borrowed=True)),
        ("Lent[Budget]", ref("budgetlint.Budget", borrowed=True)),
        ("'Borrowed[Budget]'", ref("budgetlint.Budget", borrowed=True)),
        ("Borrowed[Budget] | None", union(ref("budgetlint.Budget", borrowed=True), NONE_REF)),
        ("Annotated[Budget, 'meta', 3]", BUDGET_REF),
        ("Annotated[Borrowed[Budget], 1]", ref("budgetlint.Budget", borrowed=True)),
        ("Self", ref("typing.Self")),
        ("te.Self", ref("typing.Self")),
        ("List[Budget]", ref("builtins.list", BUDGET_REF)),
        ("list[Budget]", ref("builtins.list", BUDGET_REF)),
        ("Dict[str, Budget]", ref("builtins.dict", ref("builtins.str"), BUDGET_REF)),
        ("Deque[Budget]", ref("collections.deque", BUDGET_REF)),
        ("abc.Sequence[Budget]", ref("typing.Sequence", BUDGET_REF)),
        ("abc.Set[Budget]", ref("typing.AbstractSet", BUDGET_REF)),
        ("tuple[Budget, ...]", ref("builtins.tuple", BUDGET_REF, ref("..."))),
        ("Callable[[Budget], None]", ref("typing.Callable", ref("[]", BUDGET_REF), NONE_REF)),
        ("Literal['Budget', 1]", ref("typing.Literal", ref("'Budget'"), ref("1"))),
        ("Final[Budget]", BUDGET_REF),
        ("Unknown", ref("Unknown")),
        ("'not valid ('", ref("not valid (")),
    ],
)
def test_annotations(text: str, expected: TypeRef) -> None:
    imports = """
        import budgetlint
        import collections.abc as abc
        import typing_extensions as te
        from budgetlint import Borrowed, Budget
        from budgetlint import Borrowed as Lent
        from typing import (
            Annotated, Callable, Deque, Dict, Final, List, Literal, Optional, Self, Union
        )
    """
    assert annotation(text, textwrap.dedent(imports)) == expected


def test_annotation_to_typeref_takes_any_resolver() -> None:
    node = ast.parse("Optional[Budget]", mode="eval").body
    names = {"Optional": "typing.Optional", "Budget": "acme.Budget"}
    assert annotation_to_typeref(node, names.__getitem__) == union(ref("acme.Budget"), NONE_REF)


def test_typeref_helpers() -> None:
    lent = ref("a.B", borrowed=True)
    assert union(lent, NONE_REF).is_borrowed and lent.is_borrowed
    assert not union(ref("a.B"), NONE_REF).is_borrowed
    assert union(lent, NONE_REF).members == (lent, NONE_REF)
    assert lent.members == (lent,)


# --- extraction: problems ----------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "line", "reason"),
    [
        ("@consumes('nope')\ndef f(a: int) -> None: ...\n", 3, "marker names no parameter 'nope'"),
        ("@consumes\ndef f(a: int) -> None: ...\n", 3, "marker names no parameter 'self'"),
        ("@spawns\ndef f(a: int) -> None: ...\n", 3, "@spawns needs the names"),
        ("@spawns(1)\ndef f(a: int) -> None: ...\n", 3, "must be parameter names as strings"),
        ("@spawns('a', other=1)\ndef f(a: int) -> None: ...\n", 3, "keywords"),
        ("class C:\n    @staticmethod\n    @copies\n    def f(a: int) -> None: ...\n", 4, "'self'"),
    ],
)
def test_malformed_markers_are_problems(source: str, line: int, reason: str) -> None:
    header = (
        "from budgetlint import consumes\nfrom budgetlint.models.markers import copies, spawns\n"
    )
    problems = module(header + source).problems
    assert len(problems) == 1
    assert problems[0][0] == line
    assert reason in problems[0][1]


# --- markers ---------------------------------------------------------------------


def test_markers_return_the_function_unchanged() -> None:
    def f(a: int, *, b: str = "") -> int:
        return a

    decorated: list[Callable[..., int]] = [
        markers.spawns("a", repeated=("a",), joined=True)(f),
        markers.copies("a")(f),
        markers.borrows(f),
        markers.cost_bearing(f),
    ]
    assert all(d is f for d in decorated)
    assert inspect.signature(markers.spawns).parameters["repeated"].default == ()


# --- the index: names and re-exports ---------------------------------------------------


def small_index(
    *sources: tuple[str, str],
    extra_affine: tuple[str, ...] = (),
    extra_linear: tuple[str, ...] = (),
) -> ModelIndex:
    """An index of ``(module name, source)`` pairs; ``pkg.__init__`` is a package."""
    modules = []
    for name, source in sources:
        is_package = name.endswith(".__init__")
        modules.append(module(source, name.removesuffix(".__init__"), is_package=is_package))
    return ModelIndex(modules, extra_affine=extra_affine, extra_linear=extra_linear)


def test_reexports_are_followed_in_chains_and_through_star_imports() -> None:
    idx = small_index(
        (
            "lib.core",
            "from budgetlint import affine\n@affine\nclass Budget: ...\ndef make() -> Budget: ...",
        ),
        ("lib.mid", "from lib.core import Budget as Budget, make\n"),
        ("lib.__init__", "from .mid import Budget as Money\nfrom lib.star import *\n"),
        ("lib.star", "from lib.core import *\n"),
    )
    core = idx.cls("lib.core.Budget")
    assert core is not None
    assert idx.cls("lib.mid.Budget") is core
    assert idx.cls("lib.Money") is core
    assert idx.cls("lib.Budget") is core  # lib.star re-exports lib.core by *
    assert idx.canonical("lib.Money") == "lib.core.Budget"
    assert idx.function("lib.make") is idx.function("lib.core.make") is not None
    assert idx.cls("lib.Nothing") is None
    assert idx.canonical("elsewhere.X") == "elsewhere.X"


def test_import_cycles_do_not_hang() -> None:
    idx = small_index(
        ("a", "from b import X\nfrom b import *\n"),
        ("b", "from a import X\nfrom a import *\n"),
    )
    assert idx.cls("a.X") is None
    assert idx.canonical("a.Y") == "a.Y"


def test_resolve_in_a_module() -> None:
    idx = small_index(
        ("lib", "class Budget: ...\n"),
        ("app", "import lib as L\nfrom lib import *\nclass Own: ...\nobj = 1\n"),
    )
    app = idx.module("app")
    assert app is not None
    assert idx.resolve(app, "L.Budget.split") == "lib.Budget.split"
    assert idx.resolve(app, "Budget") == "lib.Budget"
    assert idx.resolve(app, "Own") == "app.Own"
    assert idx.resolve(app, "obj.attr") == "app.obj.attr"
    assert idx.resolve(app, "print") == "builtins.print"
    assert idx.resolve(app, "str.join") == "builtins.str.join"
    assert idx.resolve(app, "missing.name") == "missing.name"


# --- the index: classes ------------------------------------------------------------


HIERARCHY = """
from budgetlint import affine, linear, consumes
class O:
    def who(self) -> str: ...
    base_field: int
class A(O):
    def who(self) -> int: ...
class B(O):
    def who(self) -> bytes: ...
    def only_b(self) -> None: ...
    b_field: str
class D(A, B): ...
@affine
class Cash:
    @consumes
    def spend(self) -> None: ...
@linear
class Lease: ...
class SubCash(Cash): ...
class Both(SubCash, Lease): ...
class External(ext.Thing): ...
"""


def test_mro_is_c3_and_ends_with_object() -> None:
    idx = small_index(("h", HIERARCHY))
    assert idx.mro("h.D") == ("h.D", "h.A", "h.B", "h.O", "builtins.object")
    assert idx.mro("h.External") == ("h.External", "ext.Thing", "builtins.object")
    assert idx.mro("nowhere.Class") == ("nowhere.Class", "builtins.object")


def test_a_cycle_of_bases_does_not_hang() -> None:
    idx = small_index(("c", "class A(B): ...\nclass B(A): ...\n"))
    assert idx.mro("c.A") == ("c.A", "c.B", "builtins.object")
    assert idx.method("c.A", "missing") is None
    assert idx.kind("c.B") is None


def test_methods_and_fields_are_found_along_the_mro() -> None:
    idx = small_index(("h", HIERARCHY))
    who = idx.method("h.D", "who")
    assert who is not None and who.returns == ref("builtins.int")
    only_b = idx.method("h.D", "only_b")
    assert only_b is not None and only_b.fullname == "h.B.only_b"
    assert idx.method("h.D", "missing") is None
    assert idx.field("h.D", "b_field") == ref("builtins.str")
    assert idx.field("h.D", "base_field") == ref("builtins.int")
    assert idx.field("h.D", "missing") is None
    spend = idx.function("h.SubCash.spend")  # a method fullname, as mypy names callees
    assert spend is not None and spend.consumes == {"self"}


def test_methods_fall_back_to_the_model_of_object(index: ModelIndex) -> None:
    idx = index.with_module(module(HIERARCHY, "h"))
    for name in ("h.Cash", "h.D", "unknown.Class"):
        copy = idx.method(name, "__copy__")
        assert copy is not None and copy.copies == {"self"}


def test_kinds_are_declared_inherited_or_configured() -> None:
    idx = small_index(
        ("h", HIERARCHY),
        extra_affine=("ext.Thing", "lib.Money"),
        extra_linear=("h.O",),
    )
    assert idx.kind("h.Cash") is Kind.AFFINE
    assert idx.kind("h.SubCash") is Kind.AFFINE
    assert idx.kind("h.Lease") is Kind.LINEAR
    assert idx.kind("h.Both") is Kind.LINEAR  # linear wins over affine
    assert idx.kind("h.External") is Kind.AFFINE  # subclass of a configured class
    assert idx.kind("h.D") is Kind.LINEAR  # h.O is configured linear
    assert idx.kind("lib.Money") is Kind.AFFINE  # configured, no model needed
    assert idx.kind("ext.Other") is None


def test_configured_kinds_follow_reexports() -> None:
    idx = small_index(
        ("lib.core", "class Money: ...\n"),
        ("lib", "from lib.core import Money as Money\n"),
        extra_affine=("lib.Money",),
    )
    assert idx.kind("lib.core.Money") is Kind.AFFINE


def test_kind_of_values() -> None:
    idx = small_index(("h", HIERARCHY))
    cash, lease = ref("h.Cash"), ref("h.Lease")
    assert idx.kind_of(cash) is Kind.AFFINE
    assert idx.kind_of(ref("h.Cash", borrowed=True)) is Kind.AFFINE
    assert idx.kind_of(union(cash, NONE_REF)) is Kind.AFFINE
    assert idx.kind_of(union(cash, lease)) is Kind.LINEAR
    assert idx.kind_of(ref("builtins.list", cash)) is None
    assert idx.kind_of(ref("h.O")) is None
    assert idx.kind_of(None) is None


# --- the index: element, item, return and attribute types ------------------------------


B = ref("x.Budget")
S = ref("builtins.str")


@pytest.mark.parametrize(
    ("container", "expected"),
    [
        (ref("builtins.list", B), B),
        (ref("typing.Sequence", B), B),
        (ref("typing.Iterable", B), B),
        (ref("typing.Iterator", B), B),
        (ref("typing.Generator", B, NONE_REF, NONE_REF), B),
        (ref("builtins.set", B), B),
        (ref("collections.deque", B), B),
        (ref("builtins.dict", B, S), B),  # iterating a mapping gives its keys
        (ref("typing.ItemsView", S, B), ref("builtins.tuple", S, B)),
        (ref("builtins.tuple", B, ref("...")), B),
        (ref("builtins.tuple", B, B), B),
        (ref("builtins.tuple", B, S), None),
        (union(ref("builtins.list", B), NONE_REF), B),
        (union(ref("builtins.list", B), ref("unknown.Bag")), None),
        (ref("builtins.list"), None),
        (ref("unknown.Bag", B), None),
        (None, None),
    ],
)
def test_element_type(
    index: ModelIndex, container: TypeRef | None, expected: TypeRef | None
) -> None:
    assert index.element_type(container) == expected


def test_element_type_of_a_class_uses_its_iter_model() -> None:
    idx = small_index(
        (
            "pool",
            """
            from typing import AsyncIterator, Generic, Iterator, TypeVar
            from x import Budget
            T = TypeVar("T")
            class Pool:
                def __iter__(self) -> Iterator[Budget]: ...
                def __aiter__(self) -> AsyncIterator[int]: ...
                def __getitem__(self, i: int) -> Budget: ...
            class Box(Generic[T]):
                def __iter__(self) -> Iterator[T]: ...
            class Budgets(Box[Budget]): ...
            """,
        )
    )
    assert idx.element_type(ref("pool.Pool")) == B
    assert idx.element_type(ref("pool.Pool"), is_async=True) == ref("builtins.int")
    assert idx.element_type(ref("pool.Box", B)) == B
    assert idx.element_type(ref("pool.Budgets")) == B
    assert idx.item_type(ref("pool.Pool"), 3) == B


@pytest.mark.parametrize(
    ("container", "position", "expected"),
    [
        (ref("builtins.tuple", B, S), 0, B),
        (ref("builtins.tuple", B, S), 1, S),
        (ref("builtins.tuple", B, S), -1, S),
        (ref("builtins.tuple", B, S), 2, None),
        (ref("builtins.tuple", B, S), None, None),
        (ref("builtins.tuple", B, ref("...")), 5, B),
        (ref("builtins.list", B), 1, B),
        (ref("typing.Sequence", B), None, B),
        (ref("builtins.dict", S, B), None, B),
        (ref("typing.Mapping", S, B), None, B),
        (union(ref("builtins.tuple", B, B), NONE_REF), 0, B),
        (ref("unknown.Bag", B), 0, None),
    ],
)
def test_item_type(
    index: ModelIndex, container: TypeRef, position: int | None, expected: TypeRef | None
) -> None:
    assert index.item_type(container, position) == expected


def test_return_types_bind_self_and_type_variables(index: ModelIndex) -> None:
    budgets = ref("builtins.dict", S, B)
    assert index.return_type(budgets, "pop") == B
    assert index.return_type(budgets, "get") == union(B, NONE_REF)
    assert index.element_type(index.return_type(budgets, "values")) == B
    ordered = ref("collections.OrderedDict", S, B)  # dict's methods, through the base
    assert index.return_type(ordered, "pop") == B
    assert index.return_type(ref("queue.LifoQueue", B), "get") == B
    assert index.return_type(ref("asyncio.Queue", B), "get") == B
    pool = ref("concurrent.futures.ThreadPoolExecutor")
    assert index.return_type(pool, "__enter__") == ref(
        "concurrent.futures.thread.ThreadPoolExecutor"
    )
    assert index.return_type(budgets, "missing") is None
    assert index.return_type(ref("builtins.list", B), "append") == NONE_REF


def test_attribute_types_are_fields_or_properties(index: ModelIndex) -> None:
    chat = index.attribute_type(ref("openai.OpenAI"), "chat")
    assert chat == ref("openai.resources.chat.chat.Chat")
    completions = index.attribute_type(chat, "completions")
    assert completions is not None
    create = index.method(completions.name, "create")
    assert create is not None and create.cost_bearing
    assert index.attribute_type(ref("budgetlint.Budget"), "remaining") == ref(
        "budgetlint.runtime.money.Amount"
    )
    assert index.attribute_type(ref("budgetlint.Budget"), "spend") is None  # a method


def test_fields_assigned_from_calls_are_typed_when_the_callee_is_known(index: ModelIndex) -> None:
    source = """
        from typing import Self
        import budgetlint
        from budgetlint import Budget
        def make() -> Budget: ...
        class Factory:
            @classmethod
            def create(cls) -> Self: ...
        class Agent:
            def __init__(self) -> None:
                self.budget = budgetlint.Budget(usd=1)
                self.made = make()
                self.factory = Factory.create()
                self.text = str(3)
                self.unknown = unknown_module_function()
        """
    idx = index.with_module(module(source, "app"))
    assert idx.field("app.Agent", "budget") == ref(BUDGET)
    assert idx.field("app.Agent", "made") == ref("budgetlint.Budget")
    assert idx.field("app.Agent", "factory") == ref("app.Factory")
    assert idx.field("app.Agent", "text") == ref("builtins.str")
    assert idx.field("app.Agent", "unknown") is None
    assert idx.kind_of(idx.field("app.Agent", "budget")) is Kind.AFFINE


# --- the index: overlay, prefilter, fingerprint ----------------------------------------


def test_with_module_overlays_the_checked_file(index: ModelIndex) -> None:
    checked = module(
        "from budgetlint import Budget\nclass Mine(Budget): ...\ndef f() -> list[Mine]: ...\n",
        "app",
    )
    idx = index.with_module(checked)
    assert idx.kind("app.Mine") is Kind.AFFINE
    assert idx.cls("budgetlint.Budget") is index.cls("budgetlint.Budget")
    assert index.cls("app.Mine") is None  # the shared index is untouched
    assert {"Mine", "f"} <= idx.prefilter_words
    assert "Mine" not in index.prefilter_words
    replaced = idx.with_module(module("class Other: ...\n", "app"))
    assert replaced.cls("app.Mine") is None
    assert replaced.cls("app.Other") is not None
    assert (
        index.with_module(module("def create_task() -> None: ...\n", "asyncio.tasks")).function(
            "asyncio.create_task"
        )
        is not None
    )


def test_prefilter_words(index: ModelIndex) -> None:
    words = index.prefilter_words
    assert {"budgetlint", "Budget", "Reservation"} <= words
    assert "TaskGroup" not in words
    configured = load_index(Settings(extra_affine=("acme.TokenBudget",)))
    assert "TokenBudget" in configured.prefilter_words


def test_fingerprint_changes_with_model_files_and_settings(tmp_path: Path) -> None:
    model = write(tmp_path / "models" / "acme.pyi", "class Budget: ...\n")
    settings = Settings(root=str(tmp_path), model_paths=("models",))
    first = load_index(settings).fingerprint()
    assert load_index(settings).fingerprint() == first
    assert load_index(Settings(root=str(tmp_path))).fingerprint() != first
    assert (
        load_index(
            Settings(root=str(tmp_path), model_paths=("models",), extra_affine=("a.B",))
        ).fingerprint()
        != first
    )
    model.write_text("class Budget:\n    x: int\n", encoding="utf-8")
    clear_model_cache()
    assert load_index(settings).fingerprint() != first
    assert len(first) == 64


def test_load_index_is_cached_per_settings() -> None:
    assert load_index(Settings()) is load_index(Settings(root="/elsewhere"))
    assert load_index(Settings()) is not load_index(Settings(extra_linear=("a.B",)))


# --- user model folders ------------------------------------------------------------


SPEC_EXAMPLE = """
from budgetlint import affine, consumes
@affine
class Budget:
    @consumes
    def spend(self, amount_uc: int) -> Budget: ...
    @consumes
    def split(self, amount_uc: int) -> tuple[Budget, Budget]: ...
    @consumes("self", "other")
    def merge_with(self, other: Budget) -> Budget: ...
"""


def test_the_spec_example_model(tmp_path: Path) -> None:
    write(tmp_path / "stubs" / "token_budgets.pyi", SPEC_EXAMPLE)
    idx = load_index(Settings(root=str(tmp_path), model_paths=("stubs",)))
    assert idx.kind("token_budgets.Budget") is Kind.AFFINE
    spend = idx.method("token_budgets.Budget", "spend")
    assert spend is not None
    assert spend.consumes == {"self"}
    assert spend.returns == ref("token_budgets.Budget")
    merge = idx.method("token_budgets.Budget", "merge_with")
    assert merge is not None and merge.consumes == {"self", "other"}
    split = idx.method("token_budgets.Budget", "split")
    assert split is not None
    assert idx.item_type(split.returns, 1) == ref("token_budgets.Budget")
    assert "Budget" in idx.prefilter_words


def test_model_folders_name_modules_by_path(tmp_path: Path) -> None:
    folder = tmp_path / "typings"
    write(folder / "pkg" / "mod.pyi", "class A: ...\n")
    write(folder / "pkg" / "sub" / "__init__.pyi", "from .inner import B as B\n")
    write(folder / "pkg" / "sub" / "inner.pyi", "class B: ...\n")
    write(folder / "pkg" / "notes.txt", "ignored\n")
    single = write(tmp_path / "single.pyi", "class C: ...\n")
    idx = load_index(Settings(model_paths=(str(folder), str(single))))
    assert idx.cls("pkg.mod.A") is not None
    assert idx.cls("pkg.sub.B") is idx.cls("pkg.sub.inner.B") is not None
    assert idx.cls("single.C") is not None


def test_a_user_model_replaces_the_builtin_one(tmp_path: Path) -> None:
    write(tmp_path / "copy.pyi", "def copy(x: object) -> object: ...\n")
    idx = load_index(Settings(model_paths=(str(tmp_path),)))
    copy = idx.function("copy.copy")
    assert copy is not None and copy.copies == frozenset()
    assert idx.function("copy.deepcopy") is None


@pytest.mark.parametrize(
    ("files", "line", "reason"),
    [
        ({"bad.pyi": "def f(:\n"}, 1, "cannot parse"),
        ({"bad.pyi": "x = 1\nclass A\n"}, 2, "cannot parse"),
        (
            {"bad.pyi": "from budgetlint import consumes\n\n@consumes('z')\ndef f(): ...\n"},
            3,
            "'z'",
        ),
        ({"bad.pyi": b"\xff\xfe"}, 0, "not UTF-8"),
        ({"bad.pyi": "class A: ...\n", "bad/__init__.pyi": "class B: ...\n"}, 0, "modelled twice"),
        ({"__init__.pyi": "x: int\n"}, 0, "names no module"),
    ],
)
def test_broken_model_files_raise_model_error_with_path_and_line(
    tmp_path: Path, files: dict[str, str | bytes], line: int, reason: str
) -> None:
    for name, content in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    with pytest.raises(ModelError) as caught:
        load_index(Settings(model_paths=(str(tmp_path),)))
    error = caught.value
    assert error.line == line
    assert reason in error.reason
    assert str(error) == f"{error.path}:{line}: {error.reason}"
    assert error.path.startswith(str(tmp_path))


def test_a_missing_model_path_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match=r"nowhere:0: model path is not a folder"):
        load_index(Settings(root=str(tmp_path), model_paths=("nowhere",)))


# --- budgetlint's own runtime -------------------------------------------------------


@pytest.mark.parametrize("name", ["budgetlint.Budget", BUDGET])
def test_the_runtime_budget_is_learnt_under_both_spellings(index: ModelIndex, name: str) -> None:
    assert index.kind(name) is Kind.AFFINE
    assert index.cls(name) is index.cls(BUDGET) is not None
    consumed = {
        m: index.method(name, m) for m in ("delegate", "close", "spend", "split", "reclaim")
    }
    assert {m: f.consumes if f else None for m, f in consumed.items()} == {
        "delegate": {"self"},
        "close": {"self"},
        "spend": frozenset(),
        "split": frozenset(),
        "reclaim": {"child"},
    }


def test_the_runtime_signatures(index: ModelIndex) -> None:
    budget = ref("budgetlint.Budget")
    assert index.return_type(budget, "split") == ref(BUDGET)
    assert index.element_type(index.return_type(budget, "split_even")) == ref(BUDGET)
    assert index.return_type(budget, "reserve") == ref(RESERVATION)
    assert index.return_type(budget, "__enter__") == ref(BUDGET)
    assert index.kind("budgetlint.Reservation") is Kind.LINEAR
    for method in ("commit", "release"):
        found = index.method("budgetlint.Reservation", method)
        assert found is not None and found.consumes == {"self"}
    assert index.return_type(ref("budgetlint.Reservation"), "__enter__") == ref(RESERVATION)


# --- the built-in models -------------------------------------------------------------


SPAWNERS = {
    "asyncio.create_task": SpawnSpec(("coro",)),
    "asyncio.tasks.create_task": SpawnSpec(("coro",)),
    "asyncio.ensure_future": SpawnSpec(("coro_or_future",)),
    "asyncio.gather": SpawnSpec(("coros_or_futures",), ("coros_or_futures",)),
    "asyncio.to_thread": SpawnSpec(("func", "args", "kwargs")),
    "asyncio.threads.to_thread": SpawnSpec(("func", "args", "kwargs")),
    "asyncio.TaskGroup.create_task": SpawnSpec(("coro",)),
    "asyncio.taskgroups.TaskGroup.create_task": SpawnSpec(("coro",)),
    "asyncio.events.AbstractEventLoop.run_in_executor": SpawnSpec(("func", "args")),
    "asyncio.AbstractEventLoop.create_task": SpawnSpec(("coro",)),
    "asyncio.base_events.BaseEventLoop.run_in_executor": SpawnSpec(("func", "args")),
    "concurrent.futures.Executor.submit": SpawnSpec(("fn", "args", "kwargs")),
    "concurrent.futures.ThreadPoolExecutor.submit": SpawnSpec(("fn", "args", "kwargs")),
    "concurrent.futures.process.ProcessPoolExecutor.map": SpawnSpec(("fn", "iterables"), ("fn",)),
    "threading.Thread.__init__": SpawnSpec(("target", "args", "kwargs")),
    "threading.Timer.__init__": SpawnSpec(("function", "args", "kwargs")),
    "multiprocessing.Process.__init__": SpawnSpec(("target", "args", "kwargs")),
    "multiprocessing.Pool.apply_async": SpawnSpec(("func", "args", "kwds")),
    "multiprocessing.pool.Pool.map": SpawnSpec(("func", "iterable"), ("func",), joined=True),
    "multiprocessing.pool.Pool.imap": SpawnSpec(("func", "iterable"), ("func",)),
    "anyio.abc.TaskGroup.start_soon": SpawnSpec(("func", "args")),
    "anyio.to_thread.run_sync": SpawnSpec(("func", "args")),
    "trio.Nursery.start_soon": SpawnSpec(("async_fn", "args")),
    "trio.to_thread.run_sync": SpawnSpec(("sync_fn", "args")),
}


@pytest.mark.parametrize(("name", "spec"), SPAWNERS.items())
def test_spawners(index: ModelIndex, name: str, spec: SpawnSpec) -> None:
    found = index.function(name)
    assert found is not None and found.spawns == spec


@pytest.mark.parametrize(
    "name",
    [
        "asyncio.run",
        "asyncio.get_running_loop",
        "asyncio.events.AbstractEventLoop.run_until_complete",
    ],
)
def test_known_calls_that_are_not_spawners(index: ModelIndex, name: str) -> None:
    found = index.function(name)
    assert found is not None and found.spawns is None


def test_task_groups_and_loops_are_reachable_from_their_factories(index: ModelIndex) -> None:
    loop = index.function("asyncio.get_running_loop")
    assert loop is not None and loop.returns == ref("asyncio.events.AbstractEventLoop")
    group = index.function("anyio.create_task_group")
    assert group is not None and group.returns is not None
    assert index.method(group.returns.name, "start_soon") is not None
    nursery_manager = index.function("trio.open_nursery")
    assert nursery_manager is not None and nursery_manager.returns is not None
    nursery = index.return_type(nursery_manager.returns, "__aenter__")
    assert nursery == ref("trio._core._run.Nursery")
    assert index.return_type(ref("asyncio.TaskGroup"), "__aenter__") == ref(
        "asyncio.taskgroups.TaskGroup"
    )


@pytest.mark.parametrize(
    ("name", "copied"),
    [
        ("copy.copy", {"x"}),
        ("copy.deepcopy", {"x"}),
        ("copy.replace", {"obj"}),
        ("dataclasses.replace", {"obj"}),
        ("pickle.dumps", {"obj"}),
        ("pickle.dump", {"obj"}),
        ("builtins.object.__copy__", {"self"}),
        ("builtins.object.__deepcopy__", {"self"}),
        ("builtins.object.__reduce_ex__", {"self"}),
    ],
)
def test_copiers(index: ModelIndex, name: str, copied: set[str]) -> None:
    found = index.function(name)
    assert found is not None and found.copies == copied


@pytest.mark.parametrize(
    ("name", "consumed"),
    [
        ("builtins.list.append", {"object"}),
        ("builtins.list.insert", {"object"}),
        ("builtins.list.extend", {"iterable"}),
        ("builtins.set.add", {"element"}),
        ("builtins.dict.__setitem__", {"value"}),
        ("builtins.dict.setdefault", {"default"}),
        ("collections.deque.append", {"x"}),
        ("collections.deque.appendleft", {"x"}),
        ("collections.defaultdict.__setitem__", {"value"}),
        ("queue.Queue.put", {"item"}),
        ("queue.Queue.put_nowait", {"item"}),
        ("asyncio.Queue.put", {"item"}),
        ("asyncio.queues.Queue.put_nowait", {"item"}),
    ],
)
def test_container_mutators_consume_the_stored_value(
    index: ModelIndex, name: str, consumed: set[str]
) -> None:
    found = index.function(name)
    assert found is not None and found.consumes == consumed


@pytest.mark.parametrize(
    "name",
    [
        "builtins.print",
        "builtins.repr",
        "builtins.format",
        "builtins.isinstance",
        "builtins.id",
        "builtins.len",
        "builtins.hash",
        "builtins.str.__init__",
        "builtins.type.__init__",
        "logging.info",
        "logging.exception",
        "logging.log",
        "logging.Logger.warning",
        "logging.RootLogger.debug",
    ],
)
def test_borrowers(index: ModelIndex, name: str) -> None:
    found = index.function(name)
    assert found is not None and found.borrows


@pytest.mark.parametrize(
    "name",
    ["builtins.exit", "builtins.quit", "sys.exit", "os._exit", "os.abort", "typing.assert_never"],
)
def test_calls_that_never_return(index: ModelIndex, name: str) -> None:
    found = index.function(name)
    assert found is not None and found.noreturn


@pytest.mark.parametrize(
    "name",
    [
        "openai.resources.chat.completions.Completions.create",
        "openai.resources.chat.completions.completions.AsyncCompletions.create",
        "openai.resources.responses.Responses.create",
        "openai.resources.responses.responses.AsyncResponses.create",
        "anthropic.resources.messages.Messages.create",
        "anthropic.resources.messages.messages.AsyncMessages.create",
        "anthropic.resources.Messages.stream",
    ],
)
def test_cost_bearing_calls(index: ModelIndex, name: str) -> None:
    found = index.function(name)
    assert found is not None and found.cost_bearing


def test_anthropic_client_reaches_its_messages(index: ModelIndex) -> None:
    messages = index.attribute_type(ref("anthropic.AsyncAnthropic"), "messages")
    assert messages is not None
    create = index.method(messages.name, "create")
    assert create is not None and create.cost_bearing and create.is_async


def test_every_builtin_model_file_is_loaded(index: ModelIndex) -> None:
    stubs = Path(__file__).resolve().parent.parent / "stubs"
    for path in stubs.rglob("*.pyi"):
        parts = path.relative_to(stubs).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        assert index.module(name) is not None, name


def test_extraction_never_fails_on_real_code() -> None:
    import asyncio
    import dataclasses
    import typing

    import budgetlint.runtime.budget as runtime_budget

    for source_module in (asyncio.tasks, dataclasses, typing, runtime_budget):
        path = inspect.getsourcefile(source_module)
        assert path is not None
        text = Path(path).read_text(encoding="utf-8")
        model = extract_module(ast.parse(text), source_module.__name__)
        assert model.classes or model.functions


def test_what_one_checked_file_learns_never_leaks_into_another() -> None:
    # Overlays share the loaded models' answers (Budget's kind, fields); an
    # answer about a checked file's own class must not be reused elsewhere.
    index = load_index(Settings())
    user = extract_module(ast.parse("from budgetlint import Budget\nx = 1\n"), "user")
    agents = extract_module(ast.parse(textwrap.dedent("""
        from budgetlint import Budget, affine
        @affine
        class Agent:
            budget: Budget
    """)), "agents")
    assert index.with_module(user).kind("agents.Agent") is None
    assert index.with_module(agents).kind("agents.Agent") is Kind.AFFINE
    assert index.with_module(user).kind("budgetlint.Budget") is Kind.AFFINE
    assert index.shares("budgetlint.Budget") and not index.shares("agents.Agent")
