"""budgetlint's mypy plugin: the ownership rules (SPEC section 6) as mypy errors.

Enable it in mypy's configuration::

    [tool.mypy]                      # or [mypy] in mypy.ini / setup.cfg
    plugins = ["budgetlint.mypy_plugin"]

Every rule has its own error code (``budget-moved``, ``budget-copy``,
``budget-double-consume``, ``budget-unconsumed``, ``budget-fanout``,
``budget-borrow-escape``, ``budget-moved-field``, ``budget-mint``), so
``# type: ignore[budget-moved]`` and ``--disable-error-code budget-fanout``
work as for mypy's own codes.

Configuration. The plugin reads the same ``[tool.budgetlint]`` table as the
CLI and flake8, through :mod:`budgetlint.config_loader`, once per run:

* the nearest ``pyproject.toml`` with a ``[tool.budgetlint]`` table, walking
  up from the folder of mypy's configuration file (so a ``pyproject.toml``
  that configures mypy configures budgetlint too), or from the working
  directory when mypy has no configuration file;
* unless mypy's configuration is an INI file (``mypy.ini``, ``.mypy.ini``,
  ``setup.cfg``) with a ``[budgetlint]`` section naming the TOML file to
  read: ``config = path/to/pyproject.toml`` (relative to the INI file).

``select``, ``ignore`` and ``per-file-ignores`` filter what is reported
exactly as in the CLI (:func:`budgetlint.checking.selection.is_reported`), and
budgetlint's own suppression comments (``# noqa: BUD001``, ``# budgetlint:
ignore[BUD001]``) hold as in the CLI, besides mypy's ``# type: ignore[...]``;
``exclude``d files are not analysed; BUD008 (``budget-mint``) fires only
when ``mint-authority`` is configured. A configuration or model error stops
the run with one line on stderr and status 2, as the CLI does.

How it runs. Monkeypatching mypy is impossible (it is compiled) and
narrowing variables to "moved" types through mypy's binder breaks mypy, so
the analysis runs once per module after mypy has type-checked it, from
:meth:`Plugin.get_additional_indirect_deps` (called after checking, deferred
functions included, before the module's errors are flushed; errors reported
there are cached and replayed by incremental mode). It reads types from the
module's checker, captured from :data:`mypy.checker_state.checker_state`
while mypy looks up function and method hooks; those lookups return
``None`` (mypy's default plugin keeps every hook) and cost one comparison.
A build that never loads a module defining an affine or linear class
(``budgetlint`` itself, a modelled library) analyses nothing, and a module
in which no name, signature or expression type is affine or linear is not
lowered. ``report_config_data`` covers the settings, the models and
budgetlint's analysis code, so mypy's cache is invalidated when any of them
changes. The parsed models are kept in ``budgetlint/`` of mypy's cache
folder (:mod:`budgetlint.cache`), so an incremental run does not parse them.

The plugin's only hooks of its own are for budgetlint's ``@affine``,
``@linear`` and ``@consumes`` decorators: mypy's cache keeps no decorators,
so while mypy checks them (before it caches the module's interface) what
they declare is recorded in the class's ``TypeInfo.metadata``, which the
cache keeps (:func:`budgetlint.frontends.mypy.record_class_facts`).

``dmypy``'s fine-grained rechecks do not call the per-module hook; there the
plugin analyses the function being rechecked from the function and method
hooks mypy calls while checking it, delegating each hook to the plugins
after it in the chain so that nothing is shadowed (see :class:`_Recheck`).
"""

from __future__ import annotations

import configparser
import gc
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Final, NoReturn, TypeVar

from mypy.checker import TypeChecker
from mypy.checker_state import checker_state
from mypy.errorcodes import ErrorCode
from mypy.nodes import ClassDef, Context, Decorator, Expression, FuncDef, MypyFile, TypeInfo
from mypy.options import Options
from mypy.plugin import ChainedPlugin, FunctionContext, MethodContext, Plugin, ReportConfigContext
from mypy.types import Type

import budgetlint
from budgetlint.cache import Cache, fingerprint
from budgetlint.config import Settings
from budgetlint.config_loader import ConfigError, load_config, settings_for
from budgetlint.rules.catalog import iter_rules

if TYPE_CHECKING:
    from budgetlint.frontends.mypy import MypyIndex
    from budgetlint.rules.findings import Finding

# The analysis itself (lowering, flow engine, filtering) is imported when the
# first module is analysed: a run that finds everything in mypy's cache, the
# common case, pays only for reading the configuration and the models.

CATEGORY: Final = "budgetlint"
ERROR_CODES: Final[Mapping[str, ErrorCode]] = MappingProxyType(
    {
        rule.code: ErrorCode(rule.mypy_code, rule.summary, CATEGORY)
        for rule in iter_rules()
        if rule.mypy_code is not None
    }
)
"""One mypy error code per rule, by rule code (``BUD001`` -> ``budget-moved``)."""

MARKER_PREFIX: Final = "budgetlint."
CLASS_MARKERS: Final = frozenset({"affine", "linear", "consumes"})
"""The decorators whose meaning is recorded with classes (mypy's cache drops decorators)."""

INI_SECTION: Final = "budgetlint"
"""The section of an INI mypy configuration that may name the TOML file to read."""

_Hook = TypeVar("_Hook", Callable[[FunctionContext], Type], Callable[[MethodContext], Type])


def settings_for_mypy(options: Options) -> Settings:
    """The budgetlint settings of a mypy run (see the module docstring)."""
    config = options.config_file
    if config is None:
        return settings_for(Path.cwd())
    path = Path(config)
    if path.suffix in (".ini", ".cfg"):
        parser = configparser.ConfigParser()
        parser.read(path, encoding="utf-8")
        if parser.has_option(INI_SECTION, "config"):
            return load_config(path.parent / parser.get(INI_SECTION, "config"))
    return settings_for(path.parent)


class BudgetlintPlugin(Plugin):
    """The plugin: one analysis per checked module, reported with our codes."""

    def __init__(self, options: Options, settings: Settings | None = None) -> None:
        """``settings`` replaces reading the configuration (for in-process
        runs such as the test harness ``tests/mypy_batch.py``)."""
        super().__init__(options)
        try:
            self.settings = settings if settings is not None else settings_for_mypy(options)
        except ConfigError as error:
            _stop(error)
        self._config_data = fingerprint(self.settings)
        self._index: MypyIndex | None = None
        self._owned_seen = False
        self._fine_grained = options.fine_grained_incremental
        self._checker: TypeChecker | None = None
        self._checkers: dict[str, TypeChecker] = {}
        self._recheck = _Recheck(self)

    # --- cache ------------------------------------------------------------------

    def report_config_data(self, ctx: ReportConfigContext) -> object:
        """The :func:`fingerprint`, for every module that can be analysed
        (stubs never are: their cache does not depend on us)."""
        return None if ctx.path.endswith(".pyi") else self._config_data

    # --- capturing the checker ----------------------------------------------------

    def get_function_hook(self, fullname: str) -> Callable[[FunctionContext], Type] | None:
        """Remembers the checker; a hook of our own only for budgetlint's
        ownership decorators (see :meth:`_record`), and in a ``dmypy``
        recheck a wrapper of the next plugin's hook (nothing is shadowed)."""
        checker = checker_state.type_checker
        if checker is not self._checker:
            self._remember(checker)
        if fullname.startswith(MARKER_PREFIX):
            from budgetlint.models.extract import marker_name

            if marker_name(fullname) in CLASS_MARKERS:
                return self._record
        if self._fine_grained and self._recheck.active(checker):
            return self._recheck.function_hook(
                self._next(lambda plugin: plugin.get_function_hook(fullname)))
        return None

    def get_method_hook(self, fullname: str) -> Callable[[MethodContext], Type] | None:
        """As :meth:`get_function_hook`, for method calls."""
        checker = checker_state.type_checker
        if checker is not self._checker:
            self._remember(checker)
        if self._fine_grained and self._recheck.active(checker):
            return self._recheck.method_hook(
                self._next(lambda plugin: plugin.get_method_hook(fullname)))
        return None

    def _record(self, ctx: FunctionContext) -> Type:
        """mypy checks an ``@affine``/``@linear``/``@consumes`` decorator
        (while checking the module's interface, before caching it): record
        the decorators of the class involved in its metadata."""
        context = ctx.context
        if isinstance(context, ClassDef):
            owner: TypeInfo | None = context.info
        elif isinstance(context, Decorator):
            owner = context.func.info or None
        else:  # the call in ``@consumes("other")``
            owner = self._checker.scope.active_class() if self._checker is not None else None
        if owner is not None:
            from budgetlint.frontends.mypy import record_class_facts

            record_class_facts(owner)
        return ctx.default_return_type

    def _remember(self, checker: object) -> None:
        if isinstance(checker, TypeChecker):
            self._checker = checker
            self._checkers[checker.tree.fullname] = checker
            self._recheck.reset()

    def _next(self, lookup: Callable[[Plugin], _Hook | None]) -> _Hook | None:
        """The first hook ``lookup`` finds among the plugins after this one
        in mypy's chain (what mypy would have used without this plugin)."""
        chain = self._checker.plugin if self._checker is not None else None
        plugins: list[Plugin] = list(chain._plugins) if isinstance(chain, ChainedPlugin) else []
        after = plugins[plugins.index(self) + 1:] if self in plugins else []
        for plugin in after:
            hook = lookup(plugin)
            if hook is not None:
                return hook
        return None

    # --- the analysis -------------------------------------------------------------

    @property
    def index(self) -> MypyIndex:
        """The models (loaded at the first analysis), with the kinds of the
        classes only mypy knows."""
        if self._index is None:
            from budgetlint.frontends.mypy import MypyIndex
            from budgetlint.models.errors import ModelError
            from budgetlint.models.index import load_index

            try:
                self._index = MypyIndex(load_index(self.settings, self._cache()))
            except ModelError as error:
                _stop(error)
        return self._index

    def _cache(self) -> Cache | None:
        """budgetlint's folder in mypy's cache (for the models), unless mypy
        caches nothing."""
        folder = self.options.cache_dir
        if not folder or folder == os.devnull:
            return None
        return Cache(Path(folder, "budgetlint"))

    def _owned_values_possible(self) -> bool:
        """Whether this build has loaded a module that defines an affine or
        linear class (``budgetlint`` itself, a modelled library...): until
        then no module can hold one, and analysing is pointless. mypy loads
        a module's dependencies before checking it."""
        if not self._owned_seen:
            modules = self._modules or {}
            self._owned_seen = any(name in modules for name in self.index.owned_sources())
        return self._owned_seen

    def get_additional_indirect_deps(self, file: MypyFile) -> set[str]:
        """Called once per module after mypy checked it: analyse it and
        report. Adds no dependency."""
        from budgetlint.checking.files import is_excluded, read_source
        from budgetlint.frontends.mypy import analyze_module

        checker = self._checkers.pop(file.fullname, None)
        if file.is_stub or (checker is not None and checker.can_skip_diagnostics):
            return set()
        if file.fullname.partition(".")[0] == budgetlint.__name__:
            return set()  # the runtime itself, which every checked module imports
        if not self._owned_values_possible() or is_excluded(file.path, self.settings):
            return set()
        # A module whose checker was not captured made no call, so little in
        # it has a type: declared types answer there.
        types = _type_map(checker) if checker is not None else {}
        text = read_source(file.path)
        if isinstance(text, str):  # else there is no file to analyse (``mypy -c``)
            findings = analyze_module(file, types, self.index, self.settings, text,
                                      self._modules or {})
            self.report(file, checker, findings, text)
        return set()

    def report(self, file: MypyFile, checker: TypeChecker | None,
               findings: list[Finding], text: str) -> None:
        """Report the ``findings`` in ``file`` (source ``text``) that the
        settings select, with their codes."""
        from budgetlint.checking.selection import is_reported, suppress
        from budgetlint.diagnostics import Diagnostic

        selected = [
            Diagnostic(file.path, f.site.line, f.site.col, f.code, f.message)
            for f in findings
            if is_reported(f.code, file.path, self.settings)
        ]
        if not selected:
            return
        # budgetlint's own suppression comments hold here too, as in the CLI
        # and flake8 (mypy's ``# type: ignore[code]`` is applied by mypy).
        reported = suppress(selected, text)
        # A module without any call gave no chance to capture its checker;
        # any checker reports into mypy's shared errors for the current file.
        reporter = checker or self._checker or _checker_of(file)
        for diagnostic in reported:
            reporter.fail(diagnostic.message, Context(diagnostic.line, diagnostic.col),
                          code=ERROR_CODES[diagnostic.code])


class _Recheck:
    """``dmypy``'s fine-grained rechecks (mypy's ``reprocess_nodes``): the
    per-module hook is not called, so the function being rechecked (the
    fine-grained *target*) is analysed from the hooks mypy calls while
    checking it. Each analysis sees the types mypy has inferred so far in
    the target plus the declared ones; a finding is reported once the
    check has passed its line, at most once per recheck of the target.

    A recheck is recognised by the checker mypy's ``reprocess_nodes``
    creates: it alone runs with ``allow_constructor_cache`` off.
    """

    def __init__(self, plugin: BudgetlintPlugin) -> None:
        self.plugin = plugin
        self._reported: dict[str, set[tuple[int, int, str]]] = {}
        """Findings reported so far in each target of the current checker."""

    def reset(self) -> None:
        """A new checker: each ``reprocess_nodes`` call makes its own."""
        self._reported.clear()

    def active(self, checker: object) -> bool:
        """Whether ``checker`` is rechecking targets for ``dmypy``."""
        return isinstance(checker, TypeChecker) and not checker.allow_constructor_cache

    def function_hook(
        self, following: Callable[[FunctionContext], Type] | None
    ) -> Callable[[FunctionContext], Type]:
        """A hook that analyses the current target, then does what the
        plugins after this one would (or keeps mypy's inferred type)."""

        def hook(ctx: FunctionContext) -> Type:
            self.analyse(ctx.api, ctx.context)
            return following(ctx) if following is not None else ctx.default_return_type

        return hook

    def method_hook(
        self, following: Callable[[MethodContext], Type] | None
    ) -> Callable[[MethodContext], Type]:
        """As :meth:`function_hook`, for method calls."""

        def hook(ctx: MethodContext) -> Type:
            self.analyse(ctx.api, ctx.context)
            return following(ctx) if following is not None else ctx.default_return_type

        return hook

    def analyse(self, checker: object, context: Context) -> None:
        """Analyse the target ``checker`` is in; report what lies before ``context``."""
        assert isinstance(checker, TypeChecker)
        from budgetlint.checking.files import is_excluded, read_source
        from budgetlint.frontends.mypy import analyze_target

        target = checker.tscope.function
        if target is not None and not isinstance(target, FuncDef):
            return  # an overload's items have no body worth analysing
        plugin = self.plugin
        file = checker.tree
        text = read_source(file.path)
        if is_excluded(file.path, plugin.settings) or not isinstance(text, str):
            return
        done = self._reported.setdefault(checker.tscope.current_target(), set())
        line = context.line
        findings = [
            f for f in analyze_target(file, target, _type_map(checker), plugin.index,
                                      plugin.settings, text, plugin._modules or {})
            if f.site.line <= line and (f.site.line, f.site.col, f.code) not in done
        ]
        done.update((f.site.line, f.site.col, f.code) for f in findings)
        plugin.report(file, checker, findings, text)


def _type_map(checker: TypeChecker) -> dict[Expression, Type]:
    """The checker's type map of its module: its outermost map, as mypy's
    ``State.type_map`` reads it (inner maps only live during speculative
    checks)."""
    return checker._type_maps[0]


def _checker_of(file: MypyFile) -> TypeChecker:
    """The checker of ``file``, found through the garbage collector: the
    last resort of a run in which mypy called no hook of this plugin."""
    for candidate in gc.get_referrers(file):
        if isinstance(candidate, TypeChecker) and candidate.tree is file:
            return candidate
    raise RuntimeError(f"budgetlint: no type checker found for {file.fullname}")


def _stop(error: Exception) -> NoReturn:
    """A configuration or model error: one line, status 2 (as the CLI)."""
    print(f"budgetlint: {error}", file=sys.stderr)
    raise SystemExit(2) from None


def plugin(version: str) -> type[Plugin]:
    """mypy's entry point: the plugin class (``version`` is mypy's)."""
    if not hasattr(Plugin, "get_additional_indirect_deps"):
        raise RuntimeError(f"budgetlint's mypy plugin needs mypy >= 2.4 (this is mypy {version})")
    return BudgetlintPlugin
