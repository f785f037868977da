"""Every model budgetlint knows, and the questions the front ends ask of them.

:func:`load_index` reads, once per process and configuration, the built-in
models (``stubs/``, installed as ``budgetlint._stubs``), budgetlint's own
runtime source and the user's ``model-paths``; a later source replaces a
module an earlier one modelled. :class:`ModelIndex` answers lookups by fully
qualified name, following re-exports, so that the walker's
``budgetlint.Budget`` and mypy's ``budgetlint.runtime.budget.Budget`` reach
the same model.

The index and the records it hands out are shared (cached per process):
callers must not mutate them. The front ends add the checked file with
:meth:`ModelIndex.with_module`, which leaves the shared index untouched.

Standard library only.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import importlib.resources
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Final, Protocol, TypeVar

from budgetlint.cache import Cache, code_digest
from budgetlint.cache import key as cache_key
from budgetlint.config import Settings
from budgetlint.engine.ir import Kind
from budgetlint.models import codec
from budgetlint.models.errors import ModelError
from budgetlint.models.extract import extract_module, is_known, make_union, resolve_name
from budgetlint.models.types import (
    NONE,
    UNION,
    ClassModel,
    FunctionModel,
    ModuleModel,
    TypeRef,
)

_T = TypeVar("_T")

OBJECT: Final = "builtins.object"
SELF: Final = "typing.Self"

# Iterating one of these yields its first type argument (a mapping's keys).
_ITERATES_FIRST_ARG: Final = frozenset(
    {
        "builtins.list",
        "builtins.set",
        "builtins.frozenset",
        "builtins.dict",
        "builtins.reversed",
        "collections.deque",
        "collections.defaultdict",
        "collections.OrderedDict",
        "collections.Counter",
        "collections.ChainMap",
        "typing.Iterable",
        "typing.Iterator",
        "typing.Collection",
        "typing.Reversible",
        "typing.Sequence",
        "typing.MutableSequence",
        "typing.AbstractSet",
        "typing.MutableSet",
        "typing.Mapping",
        "typing.MutableMapping",
        "typing.KeysView",
        "typing.ValuesView",
        "typing.Generator",
        "typing.AsyncIterable",
        "typing.AsyncIterator",
        "typing.AsyncGenerator",
    }
)
_ITERATORS: Final = frozenset(
    {
        "typing.Iterator",
        "typing.Generator",
        "typing.AsyncIterator",
        "typing.AsyncGenerator",
        "typing.Iterable",
        "typing.AsyncIterable",
    }
)
_SEQUENCES: Final = frozenset(
    {"builtins.list", "collections.deque", "typing.Sequence", "typing.MutableSequence"}
)
_MAPPINGS: Final = frozenset(
    {
        "builtins.dict",
        "collections.defaultdict",
        "collections.OrderedDict",
        "collections.ChainMap",
        "typing.Mapping",
        "typing.MutableMapping",
    }
)


@dataclass(frozen=True)
class _Store:
    """The loaded models, shared by an index and its overlays."""

    modules: Mapping[str, ModuleModel]
    classes: Mapping[str, ClassModel]
    functions: Mapping[str, FunctionModel]
    extra: Mapping[str, Kind]
    fingerprint: str
    words: list[frozenset[str]] = field(default_factory=list)
    """:attr:`ModelIndex.model_words`, once computed."""
    canonical: dict[str, str] = field(default_factory=dict)
    mro: dict[str, tuple[str, ...]] = field(default_factory=dict)
    kinds: dict[str, Kind | None] = field(default_factory=dict)
    fields: dict[str, tuple[tuple[str, TypeRef, Kind], ...]] = field(default_factory=dict)
    """Answers about the loaded models alone, shared by every overlay (each
    checked file asks about ``Budget`` again): see :meth:`ModelIndex._shared`."""


class ModelIndex:
    """Lookups over a set of module models.

    Every lookup taking a fully qualified name accepts it as any front end
    spells it: re-exports (``from budgetlint.runtime.budget import Budget as
    Budget`` in ``budgetlint/__init__.py``, ``from m import *``) are followed.
    """

    def __init__(
        self,
        modules: Iterable[ModuleModel],
        *,
        extra_affine: Iterable[str] = (),
        extra_linear: Iterable[str] = (),
        fingerprint: str = "",
    ) -> None:
        """Index ``modules`` (a later module of the same name replaces an
        earlier one). ``extra_affine``/``extra_linear`` are the settings of
        the same names; ``fingerprint`` is what :meth:`fingerprint` returns."""
        by_name = {m.name: m for m in modules}
        extra = {name: Kind.AFFINE for name in extra_affine}
        extra.update((name, Kind.LINEAR) for name in extra_linear)
        store = _Store(
            modules=by_name,
            classes={name: c for m in by_name.values() for name, c in m.classes.items()},
            functions={name: f for m in by_name.values() for name, f in m.functions.items()},
            extra=extra,
            fingerprint=fingerprint,
        )
        self._setup(store, None)

    def _setup(self, store: _Store, overlay: ModuleModel | None) -> None:
        self._store = store
        self._overlay = overlay
        self._sharing = overlay is None or overlay.name not in store.modules
        self._canonical: dict[str, str] = {}
        self._mro: dict[str, tuple[str, ...]] = {}
        self._kinds: dict[str, Kind | None] = {}
        self._extra: dict[str, Kind] | None = None
        self._words: frozenset[str] | None = None
        self._owning: frozenset[str] | None = None

    def with_module(self, module: ModuleModel) -> ModelIndex:
        """This index with ``module`` (the checked file) added.

        The shared models are not copied. ``module`` replaces a model of the
        same name, and a previous overlay: one checked file at a time.
        """
        index = ModelIndex.__new__(ModelIndex)
        index._setup(self._store, module)
        return index

    # --- raw access (no re-exports) -------------------------------------------

    def module(self, name: str) -> ModuleModel | None:
        """The model of module ``name``, if one was loaded."""
        if self._overlay is not None and name == self._overlay.name:
            return self._overlay
        return self._store.modules.get(name)

    def _overlaid(self, fullname: str) -> ModuleModel | None:
        """The overlay, if ``fullname`` is a top-level name of it."""
        overlay = self._overlay
        if overlay is not None and fullname.rpartition(".")[0] == overlay.name:
            return overlay
        return None

    def _class_here(self, fullname: str) -> ClassModel | None:
        overlay = self._overlaid(fullname)
        if overlay is not None:
            return overlay.classes.get(fullname)
        return self._store.classes.get(fullname)

    def _function_here(self, fullname: str) -> FunctionModel | None:
        overlay = self._overlaid(fullname)
        if overlay is not None:
            return overlay.functions.get(fullname)
        return self._store.functions.get(fullname)

    # --- names ---------------------------------------------------------------

    @property
    def shared_fields(self) -> dict[str, tuple[tuple[str, TypeRef, Kind], ...]]:
        """A cache of tracked fields (kept by
        :class:`~budgetlint.lowering.facts.TypeFacts`) for the classes that
        :meth:`shares`, common to the index and all its overlays."""
        return self._store.fields

    def shares(self, *names: str) -> bool:
        """Whether answers about ``names`` depend on the loaded models alone,
        so every overlay (checked file) can reuse them: each name belongs to
        a loaded model's module, and this overlay replaces none of them."""
        return self._sharing and all(self._in_store(name) for name in names)

    def _in_store(self, name: str) -> bool:
        modules = self._store.modules
        head = name
        while "." in head:
            head = head.rpartition(".")[0]
            if head in modules:
                return True
        return False

    def canonical(self, fullname: str) -> str:
        """``fullname`` with re-exports followed to where the name is defined
        (``budgetlint.Budget`` -> ``budgetlint.runtime.budget.Budget``)."""
        cached = self._canonical.get(fullname) or self._store.canonical.get(fullname)
        if cached is None:
            # Not a dotted name (a ``Literal`` value, an unresolvable
            # annotation's text): nothing to follow.
            cached = fullname if not _DOTTED.fullmatch(fullname) else self._follow(
                fullname, frozenset())
            shared = self.shares(fullname, cached)
            (self._store.canonical if shared else self._canonical)[fullname] = cached
        return cached

    def _follow(self, fullname: str, active: frozenset[str]) -> str:
        name = fullname
        seen = set(active)
        while name not in seen:
            seen.add(name)
            target = self._reexport(name, frozenset(seen))
            if target is None:
                return name
            name = target
        return name

    def _reexport(self, fullname: str, active: frozenset[str]) -> str | None:
        """One step: the name ``fullname`` stands for, when the longest
        modelled module prefix of it imports rather than defines it."""
        parts = fullname.split(".")
        for cut in range(len(parts) - 1, 0, -1):
            module = self.module(".".join(parts[:cut]))
            if module is None:
                continue
            head, rest = parts[cut], parts[cut + 1 :]
            if head in module.imports:
                target = ".".join([module.imports[head], *rest])
                return None if target == fullname else target
            if head in module.defined:
                return None
            for star in module.star_imports:
                candidate = f"{star}.{head}"
                if self._defines(candidate, active):
                    return ".".join([candidate, *rest])
            return None
        return None

    def _defines(self, fullname: str, active: frozenset[str]) -> bool:
        canon = self._follow(fullname, active)
        if canon != fullname or self.module(canon) is not None:
            return True
        owner, _, short = canon.rpartition(".")
        module = self.module(owner)
        return module is not None and short in module.defined

    def resolve(self, module: ModuleModel, dotted: str) -> str:
        """A dotted name used at the top level of ``module``, fully qualified.

        Imports, then the module's own names, then names of star-imported
        modules, then builtins (``print`` -> ``builtins.print``); an unknown
        name keeps its source text, as in
        :func:`~budgetlint.models.extract.annotation_to_typeref`.
        """
        if not is_known(module, dotted):
            head = dotted.partition(".")[0]
            for star in module.star_imports:
                if self._defines(f"{star}.{head}", frozenset()):
                    return f"{star}.{dotted}"
        return resolve_name(module, dotted)

    # --- classes and functions -------------------------------------------------

    def cls(self, fullname: str) -> ClassModel | None:
        """The model of a class, following re-exports."""
        return self._class_here(fullname) or self._class_here(self.canonical(fullname))

    def function(self, fullname: str) -> FunctionModel | None:
        """A module-level function, following re-exports (``builtins.print``,
        ``asyncio.create_task``). A method's fullname (``pkg.Class.method``,
        as mypy names callees) also works, through :meth:`method`."""
        found = self._function_here(fullname) or self._function_here(self.canonical(fullname))
        if found is None:
            owner, _, short = fullname.rpartition(".")
            if owner and self.cls(owner) is not None:
                return self.method(owner, short)
        return found

    def mro(self, class_fullname: str) -> tuple[str, ...]:
        """The method resolution order (C3) of a class, canonical names, ending
        with ``builtins.object``; bases without a model end their branch."""
        linear = self._linearize(self.canonical(class_fullname), frozenset())
        return linear if OBJECT in linear else (*linear, OBJECT)

    def _linearize(self, canon: str, active: frozenset[str]) -> tuple[str, ...]:
        if canon in active:  # a cycle of bases (broken code) ends here
            return (canon,)
        cached = self._mro.get(canon) or self._store.mro.get(canon)
        if cached is not None:
            return cached
        model = self._class_here(canon)
        bases = [self.canonical(b) for b in model.bases] if model is not None else []
        inner = active | {canon}
        merged = _c3_merge([*(self._linearize(b, inner) for b in bases), bases])
        result = (canon, *(name for name in merged if name != canon))
        (self._store.mro if self.shares(*result) else self._mro)[canon] = result
        return result

    def _member(
        self, class_fullname: str, find: Callable[[ClassModel], _T | None]
    ) -> tuple[str, _T] | None:
        """The first class in the MRO for which ``find`` answers, and the answer."""
        for name in self.mro(class_fullname):
            model = self._class_here(name)
            found = find(model) if model is not None else None
            if found is not None:
                return name, found
        return None

    def _method_found(self, class_fullname: str, name: str) -> tuple[str, FunctionModel] | None:
        return self._member(class_fullname, lambda c: c.methods.get(name))

    def method(self, class_fullname: str, name: str) -> FunctionModel | None:
        """A method, searched along the MRO and then on ``builtins.object``."""
        found = self._method_found(class_fullname, name)
        return found[1] if found is not None else None

    def field(self, class_fullname: str, name: str) -> TypeRef | None:
        """The declared type of an instance field, searched along the MRO.

        A field assigned from a call (``self.budget = Budget(...)``) has the
        type of the call's result when the callee is a known class or
        function.
        """
        found = self._field_found(class_fullname, name)
        return found[1] if found is not None else None

    def _field_found(self, class_fullname: str, name: str) -> tuple[str, TypeRef] | None:
        def find(model: ClassModel) -> TypeRef | None:
            if name in model.fields:
                return model.fields[name]
            callee = model.field_calls.get(name)
            return self._call_result(callee) if callee is not None else None

        return self._member(class_fullname, find)

    def _call_result(self, callee: str) -> TypeRef | None:
        """The type of ``callee(...)``: an instance of a class, or what a
        function returns."""
        if self.cls(callee) is not None:
            return TypeRef(self.canonical(callee))
        function = self.function(callee)
        if function is None or function.returns is None:
            return None
        owner = callee.rpartition(".")[0]
        if self.cls(owner) is not None:  # a factory method: Self is its class
            return _substitute(function.returns, {SELF: TypeRef(self.canonical(owner))})
        return function.returns

    def return_type(self, receiver: TypeRef, name: str) -> TypeRef | None:
        """What ``receiver.name(...)`` returns, with ``Self`` and the class's
        type variables bound (``dict[str, Budget]``'s ``pop`` -> ``Budget``)."""
        found = self._method_found(receiver.name, name)
        if found is None:
            return None
        owner, method = found
        if method.returns is None:
            return None
        return _substitute(method.returns, self._bindings(receiver, owner))

    def attribute_type(self, receiver: TypeRef, name: str) -> TypeRef | None:
        """The type of ``receiver.name``: a field, else a property's value."""
        found = self._field_found(receiver.name, name)
        if found is not None:
            owner, t = found
            return _substitute(t, self._bindings(receiver, owner))
        method = self.method(receiver.name, name)
        if method is not None and method.is_property:
            return self.return_type(receiver, name)
        return None

    def _bindings(self, receiver: TypeRef, owner: str) -> dict[str, TypeRef]:
        """Type variables of class ``owner`` as bound by ``receiver``'s type
        arguments through the bases, plus ``Self``."""
        self_type = TypeRef(self.canonical(receiver.name), receiver.args)
        stack = [self_type]
        seen: set[str] = set()
        while stack:
            t = stack.pop()
            name = self.canonical(t.name)
            model = self._class_here(name)
            if model is None or name in seen:
                continue
            seen.add(name)
            env = dict(zip(model.type_params, t.args, strict=False))
            if name == owner:
                env[SELF] = self_type
                return env
            stack.extend(_substitute(base, env) for base in reversed(model.base_types))
        return {SELF: self_type}

    # --- kinds ---------------------------------------------------------------

    def kind(self, class_fullname: str) -> Kind | None:
        """The ownership kind of a class: declared, inherited from any base
        (linear wins over affine), or configured (``extra-affine``/``extra-linear``)."""
        for cache in (self._kinds, self._store.kinds):  # the hot path: asked for every value
            if class_fullname in cache:
                return cache[class_fullname]
        extra = self._extra_kinds()
        kinds: set[Kind | None] = set()
        mro = self.mro(class_fullname)
        for name in mro:
            model = self._class_here(name)
            kinds.update((model.kind if model else None, extra.get(name)))
        found = _strongest(kinds)
        shared = self.shares(class_fullname, *mro)
        (self._store.kinds if shared else self._kinds)[class_fullname] = found
        return found

    def is_configured(self, fullname: str) -> bool:
        """Whether the configuration names ``fullname`` an affine or linear
        class (``extra-affine``/``extra-linear``), modelled or not."""
        return self.canonical(fullname) in self._extra_kinds()

    def _extra_kinds(self) -> dict[str, Kind]:
        """The configured kinds by canonical class name (MRO names are canonical)."""
        if self._extra is None:
            self._extra = {self.canonical(n): k for n, k in self._store.extra.items()}
        return self._extra

    def kind_of(self, t: TypeRef | None) -> Kind | None:
        """The kind of a value of type ``t``. A union with an affine or linear
        member has that kind (``Budget | None`` is affine); a container of
        budgets (``list[Budget]``) is not itself affine; ``Self`` must be bound
        by the caller (:meth:`return_type` does)."""
        if t is None:
            return None
        if t.name != UNION:  # the common case: one class
            return self.kind(t.name)
        return _strongest(self.kind(m.name) for m in t.args)

    def element_type(self, t: TypeRef | None, *, is_async: bool = False) -> TypeRef | None:
        """The type of the items ``for x in <t>`` (``async for`` with
        ``is_async``) yields: ``list[T]``, ``Iterable[T]``, ``set[T]``... ->
        ``T``; a mapping's keys; ``tuple[T, ...]`` -> ``T``; ``tuple[A, B]``
        -> ``A`` only when every item has the same type. Other classes by
        their ``__iter__``/``__aiter__`` model. ``None`` when unknown."""
        if t is None:
            return None
        if t.name == UNION:
            return self._each_member(t, lambda m: self.element_type(m, is_async=is_async))
        if t.name == "builtins.tuple":
            return _tuple_item(t, None)
        if t.name == "typing.ItemsView" and len(t.args) == 2:
            return TypeRef("builtins.tuple", t.args)
        if t.name in _ITERATES_FIRST_ARG:
            return t.args[0] if t.args else None
        iterator = self.return_type(t, "__aiter__" if is_async else "__iter__")
        if iterator is not None and iterator.name in _ITERATORS and iterator.args:
            return iterator.args[0]
        return None

    def item_type(self, t: TypeRef | None, index: int | None = None) -> TypeRef | None:
        """The type of ``<t>[index]`` (or of unpacking position ``index``):
        a sequence's element, a mapping's value, a tuple's ``index``-th item
        (any item when ``index`` is ``None`` and all agree); other classes by
        their ``__getitem__`` model. ``None`` when unknown."""
        if t is None:
            return None
        if t.name == UNION:
            return self._each_member(t, lambda m: self.item_type(m, index))
        if t.name == "builtins.tuple":
            return _tuple_item(t, index)
        if t.name in _SEQUENCES:
            return t.args[0] if t.args else None
        if t.name in _MAPPINGS:
            return t.args[1] if len(t.args) == 2 else None
        return self.return_type(t, "__getitem__")

    def _each_member(
        self, union: TypeRef, of: Callable[[TypeRef], TypeRef | None]
    ) -> TypeRef | None:
        """``of`` applied to every member but ``None``; unknown if any is."""
        results = [of(m) for m in union.args if m.name != NONE]
        if not results or any(r is None for r in results):
            return None
        return make_union(r for r in results if r is not None)

    # --- for the prefilter and caches ----------------------------------------

    @property
    def prefilter_words(self) -> frozenset[str]:
        """Words of which a file must contain one for budgetlint to have
        anything to say: ``budgetlint``, the short names of every affine or
        linear class and of aliases re-exporting one, of module-level
        functions returning one (even inside a container), and of the
        configured extra classes."""
        if self._words is None:
            words = set(self.model_words)
            if self._overlay is not None:
                self._owned_words(self._overlay, words)
            self._words = frozenset(words)
        return self._words

    @property
    def model_words(self) -> frozenset[str]:
        """:attr:`prefilter_words` of the loaded models alone (not of a
        checked file), computed once for the index and all its overlays."""
        computed = self._store.words
        if not computed:
            words = {"budgetlint"}
            words.update(name.rpartition(".")[2] for name in self._store.extra)
            for module in self._store.modules.values():
                self._owned_words(module, words)
            computed.append(frozenset(words))
        return computed[0]

    def _owned_words(self, module: ModuleModel, words: set[str]) -> None:
        for fullname in module.classes:
            if self._holds_owned(fullname):
                words.add(fullname.rpartition(".")[2])
        for fullname, function in module.functions.items():
            if self._mentions_owned(function.returns):
                words.add(fullname.rpartition(".")[2])
        for alias, target in module.imports.items():
            if self.cls(target) is not None and self._holds_owned(target):
                words.add(alias)

    def _holds_owned(self, cls: str) -> bool:
        """Whether values of class ``cls`` are affine or linear, hold such a
        field, or have a method taking or returning one (``acquire() -> Lease``)."""
        model = self.cls(cls)
        if model is None:
            return False
        return self.kind(cls) is not None or any(
            self._mentions_owned(t) for t in model.fields.values()) or any(
            self._mentions_owned(method.returns)
            or any(self._mentions_owned(p.annotation) for p in method.params)
            for method in model.methods.values())

    @property
    def ownership_modules(self) -> frozenset[str]:
        """Modules that define or re-export an affine or linear class, or a
        function returning one, plus the modules of the configured extra
        classes: a file that imports none of them (nor a package above or
        below one) holds no value the checkers can track."""
        if self._owning is None:
            owning = {"budgetlint"}
            owning.update(name.rpartition(".")[0] for name in self._store.extra)
            for module in self._all_modules():
                if any(self.kind(name) is not None for name in module.classes) or any(
                    self._mentions_owned(f.returns) for f in module.functions.values()
                ) or any(
                    self.cls(target) is not None and self.kind(target) is not None
                    for target in module.imports.values()
                ):
                    owning.add(module.name)
            self._owning = frozenset(owning)
        return self._owning

    def _all_modules(self) -> Iterator[ModuleModel]:
        for module in self._store.modules.values():
            if self._overlay is None or module.name != self._overlay.name:
                yield module
        if self._overlay is not None:
            yield self._overlay

    def _mentions_owned(self, t: TypeRef | None) -> bool:
        if t is None:
            return False
        return self.kind(t.name) is not None or any(self._mentions_owned(a) for a in t.args)

    def fingerprint(self) -> str:
        """A hash of every loaded model file and the settings that shape the
        models, for mypy's ``report_config_data`` cache invalidation."""
        return self._store.fingerprint


_DOTTED: Final = re.compile(r"[^\W\d]\w*(?:\.[^\W\d]\w*)*")
"""A dotted name (``pkg.mod.Class``)."""


def _strongest(kinds: Iterable[Kind | None]) -> Kind | None:
    found = set(kinds)
    if Kind.LINEAR in found:
        return Kind.LINEAR
    return Kind.AFFINE if Kind.AFFINE in found else None


def _c3_merge(sequences: list[Iterable[str]]) -> tuple[str, ...]:
    """C3 linearization's merge; an inconsistent hierarchy (an error Python
    would raise) falls back to declaration order."""
    pending = [list(s) for s in sequences if s]
    pending = [s for s in pending if s]
    result: list[str] = []
    while pending:
        head = next((s[0] for s in pending if not any(s[0] in t[1:] for t in pending)), None)
        if head is None:
            result.extend(dict.fromkeys(x for s in pending for x in s if x not in result))
            break
        result.append(head)
        pending = [t for t in ([x for x in s if x != head] for s in pending) if t]
    return tuple(result)


def _tuple_item(t: TypeRef, index: int | None) -> TypeRef | None:
    args = t.args
    if len(args) == 2 and args[1].name == "...":
        return args[0]
    if index is not None and -len(args) <= index < len(args):
        return args[index]
    if args and all(a == args[0] for a in args):
        return args[0]
    return None


def _substitute(t: TypeRef, env: Mapping[str, TypeRef]) -> TypeRef:
    """``t`` with type variables (and ``Self``) replaced as ``env`` says."""
    if not env:
        return t
    bound = env.get(t.name)
    if bound is not None and not t.args:
        return replace(bound, borrowed=bound.borrowed or t.borrowed)
    args = tuple(_substitute(a, env) for a in t.args)
    if t.name == UNION:
        return replace(make_union(args), borrowed=t.borrowed)
    return replace(t, args=args)


# --- loading -------------------------------------------------------------------


class _Tree(Protocol):
    """What is needed of a folder: a ``pathlib.Path`` or an
    ``importlib.resources`` traversable (an installed package)."""

    @property
    def name(self) -> str: ...

    def is_dir(self) -> bool: ...

    def iterdir(self) -> Iterator[_Tree]: ...

    def read_bytes(self) -> bytes: ...


@dataclass(frozen=True)
class _ModelFile:
    module: str
    is_package: bool
    label: str
    """The path, for messages."""
    data: bytes


def _model_files(root: _Tree, suffix: str = ".pyi") -> list[_ModelFile]:
    """The model files under ``root``: ``pkg/mod.pyi`` and
    ``pkg/mod/__init__.pyi`` are both module ``pkg.mod``."""
    files: dict[str, _ModelFile] = {}
    stack: list[tuple[tuple[str, ...], _Tree]] = [((), root)]
    while stack:
        parts, folder = stack.pop()
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if entry.is_dir():
                # A folder that cannot be a package name (.git, my-notes) holds no module.
                if entry.name.isidentifier():
                    stack.append(((*parts, entry.name), entry))
                continue
            if not entry.name.endswith(suffix):
                continue
            stem = entry.name[: -len(suffix)]
            is_package = stem == "__init__"
            module = ".".join(parts if is_package else (*parts, stem))
            label = str(entry)
            if not module:
                raise ModelError(label, 0, "a model folder's own __init__ names no module")
            if module in files:
                raise ModelError(
                    label, 0, f"module {module} is modelled twice (also {files[module].label})"
                )
            files[module] = _ModelFile(module, is_package, label, entry.read_bytes())
    return sorted(files.values(), key=lambda f: f.module)


def _parse(file: _ModelFile) -> ModuleModel:
    """Extract one model file; a model that is not valid is an error."""
    try:
        text = file.data.decode("utf-8")
        tree = ast.parse(text, filename=file.label)
    except UnicodeDecodeError as error:
        raise ModelError(file.label, 0, f"not UTF-8 ({error.reason})") from error
    except SyntaxError as error:
        raise ModelError(file.label, error.lineno or 0, f"cannot parse: {error.msg}") from error
    except ValueError as error:  # null bytes, before Python 3.12
        raise ModelError(file.label, 0, f"cannot parse: {error}") from error
    module = extract_module(tree, file.module, is_package=file.is_package)
    if module.problems:
        line, reason = module.problems[0]
        raise ModelError(file.label, line, reason)
    return module


@dataclass(frozen=True)
class _Batch:
    """Models read from one source, with a digest of their files."""

    modules: tuple[ModuleModel, ...]
    digest: str


def _batch(files: Iterable[_ModelFile], cache: Cache | None) -> _Batch:
    """The models of ``files``: read from ``cache`` when it holds them (by
    the files' content), else parsed, and stored there."""
    files = list(files)
    digest = hashlib.sha256()
    for file in files:
        digest.update(f"{file.module}\0{len(file.data)}\0".encode())
        digest.update(file.data)
    found = digest.hexdigest()
    # The extraction's own code and Python's grammar decide the models too.
    entry = cache_key(code_digest(), found, f"{sys.version_info[0]}.{sys.version_info[1]}")
    if cache is not None:
        try:
            return _Batch(tuple(codec.modules(cache.get(MODELS, entry, codec.decode_object))),
                          found)
        except ValueError:
            pass  # missing or not models: read the files
    modules = tuple(_parse(file) for file in files)
    if cache is not None:
        cache.put(MODELS, entry, codec.encode(list(modules)))
    return _Batch(modules, found)


MODELS: Final = "models"
"""The cache's kind of entry: the models of a set of model files."""


_PACKAGE_DIR: Final = Path(__file__).resolve().parent.parent


def stubs_root() -> _Tree:
    """The built-in models: the installed ``budgetlint._stubs`` package, or
    ``stubs/`` of the checkout this module runs from."""
    try:
        installed: _Tree | None = importlib.resources.files("budgetlint._stubs")
    except ModuleNotFoundError:
        installed = None
    if installed is not None and installed.is_dir():
        return installed
    checkout = _PACKAGE_DIR.parent / "stubs"
    if not checkout.is_dir():
        raise ModelError(str(checkout), 0, "the built-in models (budgetlint._stubs) are missing")
    return checkout


def _runtime_files() -> list[_ModelFile]:
    """budgetlint's own runtime source, read as a model."""
    sources = [("budgetlint", True, _PACKAGE_DIR / "__init__.py")]
    runtime = _PACKAGE_DIR / "runtime"
    if runtime.is_dir():
        for path in sorted(runtime.glob("*.py")):
            is_package = path.stem == "__init__"
            name = "budgetlint.runtime" if is_package else f"budgetlint.runtime.{path.stem}"
            sources.append((name, is_package, path))
    return [
        _ModelFile(name, is_package, str(path), path.read_bytes())
        for name, is_package, path in sources
        if path.is_file()
    ]


@functools.lru_cache(maxsize=1)
def _builtin_batch(cache: Cache | None) -> _Batch:
    """Stubs and runtime, read once per process whatever the settings."""
    return _batch([*_model_files(stubs_root()), *_runtime_files()], cache)


def _user_batch(path: str, cache: Cache | None) -> _Batch:
    folder = Path(path)
    if folder.is_dir():
        return _batch(_model_files(folder), cache)
    if folder.is_file() and folder.suffix == ".pyi":
        return _batch([_ModelFile(folder.stem, False, path, folder.read_bytes())], cache)
    raise ModelError(path, 0, "model path is not a folder of .pyi files")


def load_index(settings: Settings, cache: Cache | None = None) -> ModelIndex:
    """The index for ``settings``: built-in models, the runtime, then
    ``model-paths`` (relative ones against :attr:`Settings.root`) in order,
    each replacing modules the earlier ones modelled.

    Cached per (model paths, extra-affine, extra-linear): models are read
    once per process, and from ``cache`` (a cache folder) when it holds
    them. Raises :class:`ModelError`.
    """
    root = Path(settings.root)
    paths = tuple(str((root / p).absolute()) for p in settings.model_paths)
    return _load(paths, tuple(settings.extra_affine), tuple(settings.extra_linear), cache)


@functools.lru_cache(maxsize=8)
def _load(
    paths: tuple[str, ...], extra_affine: tuple[str, ...], extra_linear: tuple[str, ...],
    cache: Cache | None,
) -> ModelIndex:
    batches = [_builtin_batch(cache), *(_user_batch(p, cache) for p in paths)]
    digest = hashlib.sha256()
    for batch in batches:
        digest.update(batch.digest.encode())
    digest.update(repr((len(paths), sorted(extra_affine), sorted(extra_linear))).encode())
    return ModelIndex(
        (module for batch in batches for module in batch.modules),
        extra_affine=extra_affine,
        extra_linear=extra_linear,
        fingerprint=digest.hexdigest(),
    )


def clear_model_cache() -> None:
    """Forget every loaded model, so the next :func:`load_index` reads the
    files again (long-running processes, tests)."""
    _load.cache_clear()
    _builtin_batch.cache_clear()
