"""The one walker: a module's stdlib ``ast`` lowered into the ownership IR.

:func:`lower_tree` walks every body of a module (the module itself, each
function and method, nested ``def``\\ s and lambdas) in evaluation order and
emits the events of SPEC section 4 into an :class:`~budgetlint.engine.ir.Unit`
(one :class:`~budgetlint.engine.ir.Function` per body). It is the only code
that decides what a construct does to a budget; every front end calls it on
the ``ast`` tree it already has (flake8 hands one to plugins, the CLI parses
one per file, mypy builds its nodes from one).

What syntax cannot tell comes from a :class:`~budgetlint.lowering.facts.
TypeFacts`: annotations, models, declared returns and fields, and, for the
mypy plugin, mypy's own types of expressions (:meth:`TypeFacts.refine`).
Where a value's type cannot be seen nothing is emitted for it: a missed
finding is acceptable, a false alarm is a bug.

Input cannot exhaust the Python stack on the constructs real code makes
long: boolean chains (flat in ``ast``), attribute chains and dotted names,
concatenated strings (one node in ``ast``), ``elif`` ladders and operator
chains (``a + b + c ...``) are walked iteratively.
"""

from __future__ import annotations

import ast
import gc
import re
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from typing import Final, cast

from budgetlint.engine import ir
from budgetlint.lowering import how
from budgetlint.lowering.builder import Builder, Slot, discard
from budgetlint.lowering.calls import (
    SELF,
    ArgForm,
    ArgShape,
    Effect,
    bind_arguments,
    param_effect,
    receiver_effect,
    resolve_self,
)
from budgetlint.lowering.facts import MAX_DOTS, TypeFacts, awaited, coroutine_of, join_place
from budgetlint.lowering.spawns import (
    PendingTasks,
    Reach,
    Shape,
    SpawnArg,
    TaskCall,
    comprehension_reaches,
    is_join,
    plan_sends,
    runs_in_task,
)
from budgetlint.models.extract import dotted_name
from budgetlint.models.types import NONE, FunctionModel, Param, ParamKind, TypeRef

__all__ = ["lower_tree", "source_lines"]

_BOOL: Final = TypeRef("builtins.bool")
_STR: Final = TypeRef("builtins.str")
_DISPLAYS: Final[Mapping[type[ast.expr], how.Display]] = {
    ast.List: how.Display.LIST,
    ast.Tuple: how.Display.TUPLE,
    ast.Set: how.Display.SET,
    ast.ListComp: how.Display.LIST,
    ast.SetComp: how.Display.SET,
    ast.DictComp: how.Display.DICT,
}
_Comprehension = ast.ListComp | ast.SetComp | ast.GeneratorExp | ast.DictComp
_COMPREHENSIONS: Final = (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)
_SEQUENCE_COMPREHENSIONS: Final = (ast.ListComp, ast.SetComp, ast.GeneratorExp)
_FUNCTIONS: Final = (ast.FunctionDef, ast.AsyncFunctionDef)
_FunctionNode = ast.FunctionDef | ast.AsyncFunctionDef
_NEWLINES: Final = re.compile(r"\r\n?|\n")


def lower_tree(tree: ast.Module, lines: Sequence[str], facts: TypeFacts, unit: ir.Unit,
               skip: Collection[ast.stmt] = ()) -> ir.Unit:
    """Lower the module ``tree`` (parsed from the source :func:`source_lines`
    gives ``lines`` of) into ``unit``, leaving out the top-level
    statements in ``skip`` (they hold nothing tracked,
    :func:`~budgetlint.lowering.relevance.unrelated_statements`).

    ``facts`` answers the type questions of this module (its own model is
    already in ``facts.index``). Raises ``RecursionError`` only for code
    nested deeper than the walker can follow (calls within calls within
    calls, thousands deep).
    """
    with _without_cyclic_gc():
        _File(tree, lines, facts, unit, skip).lower()
    return unit


def source_lines(text: str) -> list[str]:
    """``text`` split into lines as ``ast`` numbers them."""
    return _NEWLINES.split(text)


@contextmanager
def _without_cyclic_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while a file is lowered: the walk
    makes many small objects without cycles (freed by reference counting),
    and the collector rescanning them makes large files superlinear. Its
    state is restored as it was."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


class _File:
    """What the bodies of one file share: positions, facts, the unit."""

    def __init__(self, tree: ast.Module, lines: Sequence[str], facts: TypeFacts, unit: ir.Unit,
                 skipped: Collection[ast.stmt]) -> None:
        self.tree = tree
        self.facts = facts
        self.index = facts.index
        self.unit = unit
        self.lines = lines
        self.ascii = all(map(str.isascii, lines))
        self.skipped = skipped
        """Top-level statements not lowered: they hold nothing tracked."""

    def lower(self) -> None:
        body = _Body(self, "<module>", ir.Site(1, 0), parent=None, module_level=True)
        body.statements(self.tree.body)
        body.finish()

    def site(self, node: ast.expr | ast.stmt | ast.arg | ast.pattern | ast.excepthandler
             ) -> ir.Site:
        """A node's start: 1-based line, 0-based column in code points (``ast``
        counts UTF-8 bytes)."""
        col = node.col_offset
        if col and not self.ascii:
            line = self.lines[node.lineno - 1]
            if not line.isascii():
                col = len(line.encode()[:col].decode(errors="replace"))
        return ir.Site(node.lineno, col)


@dataclass(slots=True)
class _Capture:
    """A place of an enclosing body that a nested body reads."""

    place: str
    type: TypeRef | None
    moves: bool
    """The nested body moves, consumes or sends it: capturing it is a move."""


@dataclass(slots=True)
class _Closure:
    """A lambda, nested ``def`` or local class as a value of the enclosing body."""

    site: ir.Site
    """The ``def`` or ``lambda``: where its captures are taken (events
    inside the nested body have sites of their own, so none is reported twice)."""
    captures: list[_Capture]
    model: FunctionModel | None = None
    slots: dict[str, Slot] | None = None
    """The borrows emitted at the definition, by place; replaced by moves if
    the closure escapes. ``None`` until the definition's events are emitted
    (a lambda still being evaluated)."""


@dataclass(slots=True)
class _Value:
    """An evaluated expression whose own event is up to its context.

    A tracked place (``b``) is not yet used, moved or stored: the caller
    decides. Events of its sub-expressions are already emitted.
    """

    site: ir.Site
    type: TypeRef | None = None
    path: str | None = None
    """A place path rooted at a local or parameter (tracked or not)."""
    dotted: str | None = None
    """The dotted name of a global (``asyncio.create_task``), unresolved."""
    closure: _Closure | None = None
    noreturn: bool = False
    owned: bool = True
    """A new value: bound to a local, a linear one must be consumed there.
    Items of iteration and unpacking stay owned by their container."""


@dataclass(slots=True)
class _Callee:
    """What a call calls, as far as it can be seen."""

    name: str
    label: str
    fn: FunctionModel | None = None
    bound: bool = False
    owner: TypeRef | None = None
    """The receiver's type (``Self``), or the class a constructor call builds."""
    receiver: _Value | None = None
    constructs: TypeRef | None = None
    closure: _Value | None = None


@dataclass(frozen=True, slots=True)
class _Arg:
    """One argument of a call, in source order."""

    value: ast.expr
    star: str = ""
    """``"*"``, ``"**"`` or ``""``."""
    keyword: str | None = None

    @property
    def shape(self) -> ArgShape:
        if self.star == "*":
            return ArgShape(ArgForm.STAR)
        if self.star == "**":
            return ArgShape(ArgForm.DOUBLE_STAR)
        if self.keyword is not None:
            return ArgShape(ArgForm.KEYWORD, self.keyword)
        return ArgShape(ArgForm.POSITIONAL)


def _call_args(node: ast.Call) -> list[_Arg]:
    """A call's arguments in source order (``ast`` lists keywords apart)."""
    out: list[tuple[tuple[int, int], _Arg]] = []
    for arg in node.args:
        key = (arg.lineno, arg.col_offset)
        if isinstance(arg, ast.Starred):
            out.append((key, _Arg(arg.value, "*")))
        else:
            out.append((key, _Arg(arg)))
    for keyword in node.keywords:
        arg_value = keyword.value
        key = (keyword.lineno, keyword.col_offset)
        out.append((key, _Arg(arg_value, "**") if keyword.arg is None
                    else _Arg(arg_value, keyword=keyword.arg)))
    if node.args and node.keywords and out[len(node.args)][0] < out[len(node.args) - 1][0]:
        out.sort(key=lambda pair: pair[0])  # ``f(k=1, *xs)``
    return [arg for _, arg in out]


def _statement_label(expr: ast.expr) -> str:
    """The callee of an expression statement (``await``-ed or not), for messages."""
    call = expr.value if isinstance(expr, ast.Await) else expr
    if isinstance(call, ast.Call):
        return how.callee_label(dotted_name(call.func), "")
    return ""


def _always_true(test: ast.expr) -> bool:
    """``while True:`` / ``while 1:``: the loop is left only by a jump."""
    return isinstance(test, ast.Constant) and type(test.value) in (bool, int) and bool(
        test.value)


def _irrefutable(pattern: ast.pattern) -> bool:
    """A pattern that matches any subject (``case x:``, ``case _:``)."""
    if isinstance(pattern, ast.MatchAs):
        return pattern.pattern is None or _irrefutable(pattern.pattern)
    if isinstance(pattern, ast.MatchOr):
        return any(_irrefutable(p) for p in pattern.patterns)
    return False


def _may_raise(node: ast.stmt) -> bool:
    """Whether an exception can leave from inside the statement: not from
    ``pass``, ``break``, ``continue``, ``global``/``nonlocal``, nor from a
    ``return`` of nothing, a name or a constant (no checkpoint before them,
    so a handler does not see the state they start from)."""
    if isinstance(node, (ast.Pass, ast.Break, ast.Continue, ast.Global, ast.Nonlocal)):
        return False
    if isinstance(node, ast.Return):
        value = node.value
        return value is not None and not isinstance(value, ast.Name) and not (
            isinstance(value, ast.Constant) and not isinstance(value.value, complex))
    return True


def _class_statements(body: Sequence[ast.stmt]) -> Iterator[ast.stmt]:
    """The definitions of a class body, looking into ``if`` and ``try``
    blocks (version checks), as the model extractor does."""
    for statement in body:
        if isinstance(statement, ast.If):
            yield from _class_statements(statement.body)
            yield from _class_statements(statement.orelse)
        elif isinstance(statement, (ast.Try, *_TRY_STAR)):
            statement = cast(ast.Try, statement)  # ``try``/``except*``: the same fields
            yield from _class_statements(statement.body)
            for handler in statement.handlers:
                yield from _class_statements(handler.body)
        else:
            yield statement


_TRY_STAR: Final[tuple[type[ast.stmt], ...]] = (
    (ast.TryStar,) if hasattr(ast, "TryStar") else ())


def _params_of(args: ast.arguments) -> list[tuple[ast.arg, ParamKind, ast.expr | None]]:
    """Every parameter in order, with its kind and default."""
    positional = [*args.posonlyargs, *args.args]
    defaults: list[ast.expr | None] = [None] * (len(positional) - len(args.defaults))
    defaults.extend(args.defaults)
    out: list[tuple[ast.arg, ParamKind, ast.expr | None]] = [
        (p, ParamKind.POSITIONAL_ONLY if i < len(args.posonlyargs)
         else ParamKind.POSITIONAL_OR_KEYWORD, defaults[i])
        for i, p in enumerate(positional)
    ]
    if args.vararg is not None:
        out.append((args.vararg, ParamKind.VAR_POSITIONAL, None))
    out.extend((p, ParamKind.KEYWORD_ONLY, d)
               for p, d in zip(args.kwonlyargs, args.kw_defaults, strict=True))
    if args.kwarg is not None:
        out.append((args.kwarg, ParamKind.VAR_KEYWORD, None))
    return out


class _Body:
    """Lowers one body (module, function, method or lambda) into an
    :class:`~budgetlint.engine.ir.Function`."""

    def __init__(
        self,
        file: _File,
        name: str,
        site: ir.Site,
        *,
        parent: _Body | None,
        module_level: bool = False,
    ) -> None:
        self.file = file
        self.facts = file.facts
        self.index = file.index
        self.parent = parent
        """The enclosing body whose locals this one can capture."""
        self.module_level = module_level
        self.function = ir.Function(name, site)
        file.unit.functions.append(self.function)
        self.b = Builder()
        self.entry: list[ir.Node] = []
        self.env: dict[str, TypeRef | None] = {}
        """Locals (and parameters) in scope, with their visible types."""
        self.closures: dict[str, _Closure] = {}
        self.aliases: dict[str, str] = {}
        """Names imported inside this body -> fully qualified names."""
        self.captured_roots: set[str] = set()
        self.captures: dict[str, _Capture] = {}
        self.renames: dict[str, str] = {}
        """Comprehension targets shadowing a local, to their own place names."""
        self.task_elements: dict[ast.expr, TaskCall] = {}
        """Starred comprehensions handed to a spawner, being lowered: their
        element call is lowered as what the tasks run (:class:`TaskCall`)."""
        self.borrowing_calls: dict[ast.expr, tuple[Reach, ...]] = {}
        """``async def`` calls made and not awaited, with the places they borrow."""
        self.comprehension_loops: dict[ast.expr, ir.Loop] = {}
        self.pending: dict[str, PendingTasks] = {}
        """Locals holding calls not started yet (:class:`PendingTasks`)."""
        self.model: FunctionModel | None = None

    # --- bodies ---------------------------------------------------------------

    @classmethod
    def lower_def(
        cls,
        file: _File,
        node: _FunctionNode,
        qual: str,
        *,
        parent: _Body | None,
        owner: str | None,
    ) -> _Body:
        """Lower a ``def`` (a method when ``owner``, the class's fully
        qualified name, is given)."""
        body = cls(file, qual, file.site(node), parent=parent)
        model = file.facts.def_model(qual, owner, node.name)
        if model is not None:
            plain = not (model.is_staticmethod or model.is_classmethod)
        else:
            plain = not any(
                file.facts.resolve(dotted_name(d) or "")
                in ("builtins.staticmethod", "builtins.classmethod")
                for d in node.decorator_list
            )
        params = _params_of(node.args)
        is_method = owner is not None and plain and bool(params) and params[0][1] in (
            ParamKind.POSITIONAL_ONLY,
            ParamKind.POSITIONAL_OR_KEYWORD,
        )
        body.function.is_method = is_method
        body.function.consumes_self = model is not None and SELF in model.consumes
        owner_type = TypeRef(owner) if owner is not None else None
        built = body.parameters(params, model, owner_type if is_method else None, owner_type)
        if model is None:
            returns = file.facts.annotation(node.returns) if node.returns else None
            model = FunctionModel(qual, built, returns,
                                  is_async=isinstance(node, ast.AsyncFunctionDef))
        body.model = model
        body.statements(node.body)
        body.finish()
        return body

    def parameters(
        self,
        params: list[tuple[ast.arg, ParamKind, ast.expr | None]],
        model: FunctionModel | None,
        receiver: TypeRef | None,
        owner: TypeRef | None,
    ) -> tuple[Param, ...]:
        """Put the parameters in scope and bind the owned ones at entry.

        Types come from ``model`` when the extractor saw the function, else
        from the annotations. ``receiver`` types the first parameter of a
        method (never bound itself: ``self`` is borrowed or consumed by the
        call, SPEC 2); ``owner`` stands for ``Self``. Returns the
        parameters as a model would describe them.
        """
        declared = {p.name: p.annotation for p in model.params} if model is not None else {}
        built: list[Param] = []
        for position, (param, kind, default) in enumerate(params):
            name = param.arg
            if name in declared:
                t = declared[name]
            elif param.annotation is not None:
                t = self.facts.annotation(param.annotation)
            else:
                t = None
            is_receiver = position == 0 and receiver is not None
            t = resolve_self(receiver if is_receiver else t, owner)
            built.append(Param(name, kind, t, default is not None))
            site = self.file.site(param)
            if kind is ParamKind.VAR_POSITIONAL:
                self.env[name] = TypeRef("builtins.tuple", (t, TypeRef("..."))) if t else None
            elif kind is ParamKind.VAR_KEYWORD:
                self.env[name] = TypeRef("builtins.dict", (_STR, t)) if t else None
            else:
                self.env[name] = t
                borrowed = t is not None and t.is_borrowed
                kind_of = self.facts.kind(t)
                if kind_of is not None and not is_receiver:
                    self.entry.append(
                        ir.Bind(name, site, kind_of, borrowed=borrowed, obligation=not borrowed,
                                type_name=self.facts.type_name(t))
                    )
                self.entry.extend(self._field_binds(name, t, site, borrowed))
        return tuple(built)

    def finish(self) -> None:
        """Close the body: captured places are bound at entry, without an
        obligation (the enclosing body owns them)."""
        entry = list(self.entry)
        for capture in self.captures.values():
            kind = self.facts.kind(capture.type)
            if kind is not None:
                entry.append(
                    ir.Bind(capture.place, self.function.site, kind, obligation=False,
                            type_name=self.facts.type_name(capture.type))
                )
        self.function.body = self.b.finish(entry)

    def _child(self, name: str) -> str:
        return name if self.module_level else f"{self.function.name}.{name}"

    def site(self, node: ast.expr | ast.stmt | ast.arg | ast.pattern | ast.excepthandler
             ) -> ir.Site:
        return self.file.site(node)

    # --- places and events ----------------------------------------------------

    def _join(
        self, first: Mapping[str, TypeRef | None], *others: Mapping[str, TypeRef | None]
    ) -> dict[str, TypeRef | None]:
        """The locals' types after branches join: a name keeps a tracked type
        if any branch gave it one (its ``Bind`` on the other paths tells the
        engine where it holds something else)."""
        out = dict(first)
        for other in others:
            for name, t in other.items():
                mine = out.get(name)
                if (name not in out or mine is None
                        or (self.facts.kind(mine) is None and self.facts.kind(t) is not None)):
                    out[name] = t
        return out

    def _tracked(self, v: _Value) -> bool:
        return v.path is not None and self.facts.kind(v.type) is not None

    def _place_type(self, place: str) -> TypeRef | None:
        root, *attrs = place.split(".")
        t = self.env.get(root)
        for attr in attrs:
            t = self.facts.field(t, attr)
        return t

    def _note(self, place: str, *, moving: bool) -> None:
        """Record an event on a captured place (a closure's capture)."""
        if place.partition(".")[0] not in self.captured_roots:
            return
        capture = self.captures.get(place)
        if capture is None:
            self.captures[place] = _Capture(place, self._place_type(place), moving)
        elif moving:
            capture.moves = True

    def _use_place(self, place: str, site: ir.Site) -> Slot:
        self._note(place, moving=False)
        return self.b.emit(ir.Use(place, site))

    def _move_place(self, place: str, site: ir.Site, what: str, *, consume: bool = False) -> None:
        self._note(place, moving=True)
        self.b.emit(ir.Move(place, site, what, consume))

    def _transfer(self, src: str, dst: str, site: ir.Site) -> None:
        self._note(src, moving=True)
        self.b.emit(ir.Transfer(src, dst, site))

    def _whole(self, v: _Value) -> None:
        """Passing, storing or returning an object whose fields are tracked."""
        if v.path is not None and self.facts.tracked_fields(v.type, MAX_DOTS - v.path.count(".")):
            self.b.emit(ir.Use(v.path, v.site, whole=True))

    def _use(self, v: _Value, *, whole: bool = False) -> None:
        """``v`` is read where it is (a borrow)."""
        if v.closure is not None:
            self._closure_use(v)
            return
        if v.path is None:
            return
        if self._tracked(v):
            self._use_place(v.path, v.site)
        if whole:
            self._whole(v)

    def _move(self, v: _Value, what: str, *, consume: bool = False) -> None:
        """``v`` leaves this body's ownership (an escaping closure moves its captures)."""
        if v.closure is not None:
            self._closure_escape(v)
            return
        if v.path is None:
            return
        self._whole(v)
        if self._tracked(v):
            self._move_place(v.path, v.site, what, consume=consume)

    def _copy(self, v: _Value, what: str) -> None:
        if v.path is not None and self._tracked(v):
            self._note(v.path, moving=False)
            self.b.emit(ir.Copy(v.path, v.site, what))

    def _read(self, node: ast.expr) -> None:
        self._use(self._operand(node))

    def _field_binds(
        self, root: str, t: TypeRef | None, site: ir.Site, borrowed: bool
    ) -> list[ir.Node]:
        """Binds of the tracked fields below ``root`` (a new object there)."""
        return [
            ir.Bind(f"{root}.{rel}", site, kind, borrowed=borrowed, obligation=False,
                    type_name=self.facts.type_name(field_type))
            for rel, field_type, kind in self.facts.tracked_fields(t, MAX_DOTS - root.count("."))
        ]

    # --- closures -------------------------------------------------------------

    def _define(self, closure: _Closure) -> None:
        """The events of a closure's definition: a move of what its body
        moves, a borrow of the rest (a move once the closure escapes)."""
        slots: dict[str, Slot] = {}
        for capture in closure.captures:
            if capture.moves:
                self._move_place(capture.place, closure.site, how.captured(closure.site.line))
            else:
                slots[capture.place] = self._use_place(capture.place, closure.site)
        closure.slots = slots

    def _closure_use(self, v: _Value) -> None:
        """A closure run in place (called, or passed to an ordinary call)."""
        closure = v.closure
        assert closure is not None
        if closure.slots is None:
            self._define(closure)
            return
        for capture in closure.captures:
            if capture.place in closure.slots:
                self._use_place(capture.place, v.site)

    def _closure_escape(self, v: _Value) -> None:
        """A closure returned or stored: it takes its captures with it, from
        its definition on (SPEC 4, capture row)."""
        closure = v.closure
        assert closure is not None
        what = how.captured(closure.site.line)
        if closure.slots is None:
            for capture in closure.captures:
                self._move_place(capture.place, closure.site, what)
            closure.slots = {}
            return
        for capture in closure.captures:
            slot = closure.slots.get(capture.place)
            if slot is not None:
                self._note(capture.place, moving=True)
                self.b.replace(slot, ir.Move(capture.place, closure.site, what))
        closure.slots = {}

    def _closure_reaches(self, v: _Value) -> list[Reach]:
        """What a closure handed to a spawner takes into the task: a lambda
        all its captures, a named closure those it still borrows."""
        closure = v.closure
        assert closure is not None
        held = closure.slots
        return [
            Reach(c.place, v.site) for c in closure.captures if held is None or c.place in held
        ]

    # --- names ----------------------------------------------------------------

    def _name(self, node: ast.Name) -> _Value:
        name = node.id
        site = self.site(node)
        local = self.renames.get(name, name)
        if local in self.env:
            return _Value(
                site,
                self.facts.refine(node, self.env[local]),
                path=local,
                dotted=name if self.module_level else None,
                closure=self.closures.get(local),
            )
        captured = self._capture(name)
        if captured is not None:
            return _Value(site, self.facts.refine(node, self.env[captured]), path=captured)
        return _Value(site, self.facts.refine(node, self.facts.global_type(name)), dotted=name)

    def _capture(self, name: str) -> str | None:
        """Bring a local of an enclosing body into this one; its place name."""
        parent = self.parent
        if parent is None:
            return None
        outer: str | None = parent.renames.get(name, name)
        if outer not in parent.env:
            outer = parent._capture(name)
            if outer is None:
                return None
        self.env[outer] = parent.env[outer]
        self.captured_roots.add(outer)
        if outer != name:
            self.renames[name] = outer
        return outer

    def _resolve(self, dotted: str) -> str:
        head, dot, rest = dotted.partition(".")
        body: _Body | None = self
        while body is not None:
            if head in body.aliases:
                return f"{body.aliases[head]}{dot}{rest}"
            body = body.parent
        return self.facts.resolve(dotted)

    # --- expressions ----------------------------------------------------------

    def _operand(self, node: ast.expr) -> _Value:
        """Evaluate ``node``: emit the events of its parts, return its value."""
        method = _OPERANDS.get(type(node))
        if method is not None:
            return method(self, node)
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.expr):
                self._read(child)
        return _Value(self.site(node))

    def _constant(self, node: ast.Constant) -> _Value:
        value = node.value
        if value is None:
            return _Value(self.site(node), TypeRef(NONE))
        if isinstance(value, bool):
            return _Value(self.site(node), _BOOL)
        if isinstance(value, (str, bytes)):
            return _Value(self.site(node), _STR)
        return _Value(self.site(node))

    def _fstring(self, node: ast.JoinedStr) -> _Value:
        for part in node.values:
            if isinstance(part, ast.FormattedValue):
                self._read(part.value)
                if part.format_spec is not None:
                    self._fstring(_joined(part.format_spec))
        return _Value(self.site(node), _STR)

    def _attribute(self, node: ast.Attribute) -> _Value:
        # The chain is walked from its root outwards: ``a.b.c...`` can be
        # thousands of attributes long.
        chain: list[ast.Attribute] = []
        inner: ast.expr = node
        while isinstance(inner, ast.Attribute):
            chain.append(inner)
            inner = inner.value
        base = self._operand(inner)
        for link in reversed(chain):
            base = self._attribute_of(base, link)
        return base

    def _attribute_of(self, base: _Value, node: ast.Attribute) -> _Value:
        attr = node.attr
        site = self.site(node)
        if base.path is not None:
            path = join_place(base.path, attr)
            declared = self.facts.field(base.type, attr) if path is not None else None
            if declared is not None:
                if self.facts.kind(declared) is None:
                    self._use(base)
                return _Value(site, self.facts.refine(node, declared), path=path)
        self._use(base)
        dotted = f"{base.dotted}.{attr}" if base.dotted is not None else None
        return _Value(site, self.facts.refine(node, self.facts.attribute(base.type, attr)),
                      dotted=dotted)

    def _subscript(self, node: ast.Subscript) -> _Value:
        # An item of a container is not a tracked place, and its type is left
        # to the type checker (``registry[k]`` is read, never owned here).
        self._read(node.value)
        self._read_slice(node.slice)
        return _Value(self.site(node), self.facts.refine(node, None))

    def _read_slice(self, index: ast.expr) -> None:
        for part in index.elts if isinstance(index, ast.Tuple) else (index,):
            if isinstance(part, ast.Slice):
                for bound in (part.lower, part.upper, part.step):
                    if bound is not None:
                        self._read(bound)
            else:
                self._read(part)

    def _compare(self, node: ast.Compare) -> _Value:
        self._read(node.left)
        for comparator in node.comparators:
            self._read(comparator)
        return _Value(self.site(node), _BOOL)

    def _binary(self, node: ast.BinOp) -> _Value:
        # ``a + b + c ...`` nests to the left: walked iteratively.
        rights: list[ast.expr] = []
        left: ast.expr = node
        while isinstance(left, ast.BinOp):
            rights.append(left.right)
            left = left.left
        self._read(left)
        for right in reversed(rights):
            self._read(right)
        return _Value(self.site(node), self.facts.refine(node, None))

    def _unary(self, node: ast.UnaryOp) -> _Value:
        self._read(node.operand)
        return _Value(self.site(node), _BOOL if isinstance(node.op, ast.Not) else None)

    def _await(self, node: ast.Await) -> _Value:
        inner = node.value
        if isinstance(inner, ast.Call):
            v = self._call(inner, awaited=True)
        else:
            v = self._operand(inner)
            self._use(v)
        return _Value(self.site(node), self.facts.refine(node, awaited(v.type)),
                      noreturn=v.noreturn)

    def _fork(self, first: Callable[[], None], second: Callable[[], None]) -> None:
        """Two alternative paths (an :class:`~ir.If`), with the locals' types
        joined after them."""
        node = self.b.open_if()
        before = dict(self.env)
        with self.b.into(node.body):
            first()
        after_first = self.env
        self.env = dict(before)
        with self.b.into(node.orelse):
            second()
        self.env = self._join(after_first, self.env)

    def _either(self, first: _Value, second: _Value, site: ir.Site) -> _Value:
        # The result aliases a tracked place: its type is not reused (that
        # would duplicate the value); a fresh value of one type keeps it.
        if first.type == second.type and not self._tracked(first) and not self._tracked(second):
            return _Value(site, first.type)
        return _Value(site)

    def _branch(self, expr: ast.expr, results: list[_Value]) -> Callable[[], None]:
        """A path that evaluates ``expr``, reads it, and keeps its value."""
        def run() -> None:
            v = self._operand(expr)
            self._use(v)
            results.append(v)

        return run

    def _ifexp(self, node: ast.IfExp) -> _Value:
        self._read(node.test)
        results: list[_Value] = []
        self._fork(self._branch(node.body, results), self._branch(node.orelse, results))
        return self._either(results[0], results[1], self.site(node))

    def _boolean(self, node: ast.BoolOp) -> _Value:
        return self._boolean_values(node.values, self.site(node))

    def _boolean_values(self, values: Sequence[ast.expr], site: ir.Site) -> _Value:
        """``a and b and c``: each operand after the first may not run."""
        left = self._operand(values[0])
        self._use(left)
        for value in values[1:]:
            results: list[_Value] = []
            self._fork(lambda: None, self._branch(value, results))
            left = self._either(left, results[0], site)
        return left

    def _flow(self, node: ast.expr, sink: Callable[[_Value], None]) -> None:
        """Evaluate ``node`` into ``sink`` (an assignment, a return), taking
        each branch of a conditional expression or ``and``/``or`` apart so
        that the value of each branch goes to the sink on its own path."""
        if isinstance(node, ast.IfExp):
            self._read(node.test)
            body, orelse = node.body, node.orelse
            self._fork(lambda: self._flow(body, sink), lambda: self._flow(orelse, sink))
        elif isinstance(node, ast.BoolOp):
            values = node.values
            if len(values) > 2:
                left = self._boolean_values(values[:-1], self.site(node))
            else:
                left = self._operand(values[0])
                self._use(left)
            last = values[-1]
            self._fork(lambda: sink(left), lambda: self._flow(last, sink))
        else:
            sink(self._operand(node))

    def _escape(self, node: ast.expr, what: str) -> None:
        """``return``/``yield``: the value, or each element of a display, moves out."""
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            for element in node.elts:
                if isinstance(element, ast.Starred):
                    self._read(element.value)
                else:
                    self._escape(element, what)
        elif isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values, strict=True):
                if key is None:
                    self._read(value)
                else:
                    self._escape(key, what)
                    self._escape(value, what)
        else:
            self._flow(node, lambda v: self._move(v, what))

    def _display(self, node: ast.List | ast.Tuple | ast.Set) -> _Value:
        stored = how.stored_in_display(_DISPLAYS[type(node)])
        for element in node.elts:
            if isinstance(element, ast.Starred):
                self._read(element.value)
            else:
                self._move(self._operand(element), stored)
        return _Value(self.site(node), self.facts.refine(node, None))

    def _dict(self, node: ast.Dict) -> _Value:
        stored = how.stored_in_display(how.Display.DICT)
        for key, value in zip(node.keys, node.values, strict=True):
            if key is None:
                self._read(value)
            else:
                self._move(self._operand(key), stored)
                self._move(self._operand(value), stored)
        return _Value(self.site(node), self.facts.refine(node, None))

    def _yield(self, node: ast.Yield) -> _Value:
        if node.value is not None:
            self._escape(node.value, how.YIELDED)
        return _Value(self.site(node))

    def _yield_from(self, node: ast.YieldFrom) -> _Value:
        self._read(node.value)
        return _Value(self.site(node))

    def _walrus(self, node: ast.NamedExpr) -> _Value:
        target = node.target
        self._flow(node.value, lambda v: self._store(target, v))
        return self._operand(target)

    def _starred(self, node: ast.Starred) -> _Value:
        self._read(node.value)
        return _Value(self.site(node))

    # --- comprehensions -------------------------------------------------------

    def _comprehension(self, node: _Comprehension) -> _Value:
        """A comprehension is a loop whose element may run any number of times."""
        iterable = self._operand(node.generators[0].iter)
        self._use(iterable)
        saved_env, saved_renames = dict(self.env), dict(self.renames)
        loop = self.comprehension_loops[node] = self.b.open_loop()
        with self.b.into(loop.body):
            self._comp_for(node, 0, iterable)
        # The targets are local to the comprehension (Python 3 scoping).
        self.env, self.renames = saved_env, saved_renames
        return _Value(self.site(node), self.facts.refine(node, None))

    def _comp_for(self, node: _Comprehension, clause: int, iterable: _Value) -> None:
        generator = node.generators[clause]
        element = self.facts.element_type(iterable.type, is_async=bool(generator.is_async))
        self._comp_target(generator.target)
        self._store(generator.target,
                    _Value(self.site(generator.target), element, owned=False))
        self._comp_rest(node, clause, 0)

    def _comp_rest(self, node: _Comprehension, clause: int, condition: int) -> None:
        generator = node.generators[clause]
        if condition < len(generator.ifs):
            self._read(generator.ifs[condition])
            branch = self.b.open_if()
            with self.b.into(branch.body):
                self._comp_rest(node, clause, condition + 1)
            return
        if clause + 1 < len(node.generators):
            iterable = self._operand(node.generators[clause + 1].iter)
            self._use(iterable)
            loop = self.b.open_loop()
            with self.b.into(loop.body):
                self._comp_for(node, clause + 1, iterable)
            return
        task = self.task_elements.pop(node, None)
        if isinstance(node, ast.DictComp):
            stored = how.stored_in_display(how.Display.DICT)
            self._move(self._operand(node.key), stored)
            self._move(self._operand(node.value), stored)
            return
        what = (
            how.YIELDED
            if isinstance(node, ast.GeneratorExp)
            else how.stored_in_display(_DISPLAYS[type(node)])
        )
        if task is not None and isinstance(node.elt, ast.Call):
            v = self._call(node.elt, task=task)
            if not task.runs_in_task:
                self._move(v, what)
        else:
            self._escape(node.elt, what)

    def _comp_target(self, target: ast.expr) -> None:
        """Give comprehension targets that shadow a local their own places."""
        if isinstance(target, ast.Name):
            name = target.id
            if name in self.env or name in self.renames:
                self.renames[name] = f"{name}'{len(self.renames) + 1}"
        elif isinstance(target, (ast.Tuple, ast.List)):
            for element in target.elts:
                self._comp_target(element)
        elif isinstance(target, ast.Starred):
            self._comp_target(target.value)

    # --- lambdas --------------------------------------------------------------

    def _lambda(self, node: ast.Lambda) -> _Value:
        """A lambda is its own body; in this one, a closure value."""
        site = self.site(node)
        params = _params_of(node.args)
        for _, _, default in params:
            if default is not None:
                self._read(default)
        inner = _Body(self.file, self._child("<lambda>"), site, parent=self)
        inner.parameters(params, None, None, None)
        # The lambda's value is read, not moved: ``key=lambda a: a.budget`` borrows.
        inner._read(node.body)
        inner.finish()
        return _Value(site, closure=_Closure(site, list(inner.captures.values())))

    # --- calls ----------------------------------------------------------------

    def _callee(self, func: ast.expr) -> _Callee:
        dotted = dotted_name(func)
        if isinstance(func, ast.Attribute):
            name = func.attr
            label = how.callee_label(dotted, name)
            inner = func.value
            if isinstance(inner, ast.Call) and is_join(name):
                receiver = self._call(inner, awaited=True)
            else:
                receiver = self._operand(inner)
            instance = self.facts.instance(receiver.type)
            if instance is not None:
                fn = self.facts.method(instance, name)
                bound = fn is not None and not fn.is_staticmethod
                return _Callee(name, label, fn, bound, instance, receiver)
            if receiver.dotted is not None:
                found = self._global(f"{receiver.dotted}.{name}", name, label)
                if found.fn is not None or found.constructs is not None:
                    return found
            return _Callee(name, label, receiver=receiver)
        if isinstance(func, ast.Name):
            v = self._name(func)
            name = func.id
            if v.closure is not None:
                return _Callee(name, name, v.closure.model, closure=v)
            if v.dotted is not None and self.facts.instance(v.type) is None:
                return self._global(v.dotted, name, name)
            self._use(v)
            return _Callee(name, name)
        self._read(func)
        return _Callee("", "")

    def _global(self, dotted: str, name: str, label: str) -> _Callee:
        """A callee named by a global dotted name: a class or a function."""
        full = self._resolve(dotted)
        if self.facts.is_class(full):
            built = TypeRef(full)
            return _Callee(name, label, self.facts.constructor(full), True, built,
                           constructs=built)
        return _Callee(name, label, self.facts.function(full))

    def _call(
        self,
        node: ast.Call,
        *,
        awaited: bool = False,
        task: TaskCall | None = None,
    ) -> _Value:
        """A call: argument events, then its moves, copies and sends.

        With ``task`` the call is handed to a spawning parameter. If it is
        what the task runs (a coroutine, a callable: :func:`runs_in_task`)
        the places passed to it directly go to the task, collected into
        ``task.reaches``, whatever its own parameters say.
        """
        site = self.site(node)
        callee = self._callee(node.func)
        fn = callee.fn
        reaches = None
        if task is not None:
            task.runs_in_task = runs_in_task(
                task.param, callee_is_async=fn is not None and fn.is_async
            )
            reaches = task.reaches if task.runs_in_task else None
        receiver = callee.receiver
        own = Effect.BORROW
        if receiver is not None:
            if fn is not None and callee.bound:
                own = receiver_effect(fn)
            if reaches is not None and self._tracked(receiver):
                reaches.append(Reach(str(receiver.path), receiver.site))
            elif own is Effect.BORROW or reaches is not None:
                self._use(receiver)
        if callee.closure is not None:
            self._use(callee.closure)
        args = _call_args(node)
        params: list[Param | None]
        if fn is not None:
            params = bind_arguments(fn.params, [a.shape for a in args], bound=callee.bound)
        else:
            params = [None] * len(args)
        spec = fn.spawns if fn is not None and reaches is None else None
        later: list[tuple[Effect, _Value]] = []
        spawned: list[SpawnArg] = []
        # A coroutine made here and started later holds what it borrows.
        borrows: list[Reach] | None = (
            [] if fn is not None and fn.is_async and not awaited and task is None else None
        )
        for arg, param in zip(args, params, strict=True):
            if spec is not None and param is not None and param.name in spec.params:
                spawned.append(self._spawn_arg(arg, param))
                continue
            v = self._operand(arg.value)
            if reaches is not None:
                if self._tracked(v) and not arg.star:
                    self._whole(v)
                    reaches.append(Reach(str(v.path), v.site))
                else:
                    self._use(v, whole=True)
                continue
            effect = (param_effect(self.index, fn, param, callee.owner) if fn
                      else Effect.BORROW)
            if effect is Effect.BORROW or (v.closure is not None and effect is not Effect.CONSUME):
                # A closure passed to an ordinary call runs in place (SPEC 5, Calls).
                self._use(v, whole=True)
                if borrows is not None and effect is Effect.BORROW and self._tracked(v) and (
                        not arg.star):
                    borrows.append(Reach(str(v.path), v.site))
            else:
                later.append((effect, v))
        for effect, v in later:
            if effect is Effect.MOVE:
                self._move(v, how.passed_to(callee.label))
            elif effect is Effect.CONSUME:
                self._move(v, how.called(callee.name), consume=True)
            else:
                self._copy(v, how.called(callee.label))
        if receiver is not None and reaches is None:
            if own is Effect.CONSUME:
                self._move(receiver, how.called(callee.name), consume=True)
            elif own is Effect.COPY:
                self._copy(receiver, how.called(callee.name))
        if spec is not None:
            for send in plan_sends(spec, spawned):
                self._send(send.place, send.site, how.sent_to(callee.label),
                           fanout=send.fanout, awaited=awaited or spec.joined)
        if borrows:
            self.borrowing_calls[node] = tuple(borrows)
        if callee.constructs is not None:
            if self.facts.kind(callee.constructs) is not None:
                self.b.emit(ir.Mint(site, self.facts.type_name(callee.constructs)))
            return _Value(site, callee.constructs)
        if fn is None:
            return _Value(site, self.facts.refine(node, None))
        result = self.facts.call_result(fn, callee.owner)
        return _Value(site, self.facts.refine(node, coroutine_of(result) if fn.is_async
                                              else result), noreturn=fn.noreturn)

    def _send(self, place: str, site: ir.Site, what: str, *, fanout: bool, awaited: bool) -> None:
        self._note(place, moving=not awaited)
        self.b.emit(ir.Send(place, site, what, fanout, awaited))

    def _spawn_arg(self, arg: _Arg, param: Param) -> SpawnArg:
        """Classify an argument of a spawning parameter and collect what it
        takes into the task(s); its other events are emitted as usual."""
        value = arg.value
        if arg.star == "*" and isinstance(value, _SEQUENCE_COMPREHENSIONS):
            each = self.task_elements[value] = TaskCall(param)
            scratch: list[ir.Node] = []
            with self.b.into(scratch):
                self._read(value)
            return SpawnArg(param, Shape.COMPREHENSION, comprehension_reaches(scratch, each))
        if isinstance(value, ast.Call) and not arg.star:
            task = TaskCall(param)
            self._call(value, task=task)
            return SpawnArg(param, Shape.CALL, tuple(task.reaches))
        found: list[Reach] = []
        if isinstance(value, (ast.Tuple, ast.List)) and not arg.star:
            for element in value.elts:
                if isinstance(element, ast.Starred):
                    self._read(element.value)
                else:
                    self._reach(self._operand(element), found)
            return SpawnArg(param, Shape.DISPLAY, tuple(found))
        if isinstance(value, ast.Dict) and not arg.star:
            for key, item in zip(value.keys, value.values, strict=True):
                if key is None:
                    self._read(item)
                else:
                    self._read(key)
                    self._reach(self._operand(item), found)
            return SpawnArg(param, Shape.DISPLAY, tuple(found))
        if isinstance(value, ast.Name) and value.id in self.pending:
            self._read(value)
            held = self.pending.pop(value.id)
            return held.spawn_arg(param, self.site(value), star=arg.star == "*")
        shape = self._reach(self._operand(value), found)
        return SpawnArg(param, shape, tuple(found))

    def _reach(self, v: _Value, found: list[Reach]) -> Shape:
        if v.closure is not None:
            found.extend(self._closure_reaches(v))
            return Shape.CLOSURE
        if self._tracked(v):
            self._whole(v)
            found.append(Reach(str(v.path), v.site))
            return Shape.PLACE
        self._use(v, whole=True)
        return Shape.OTHER

    # --- assignment -----------------------------------------------------------

    def _store(self, target: ast.expr, v: _Value) -> None:
        """Assign the value ``v`` to ``target``."""
        if isinstance(target, ast.Name):
            self._bind_name(target.id, v, self.site(target))
        elif isinstance(target, ast.Attribute):
            self._store_attribute(target, v)
        elif isinstance(target, ast.Subscript):
            self._read(target.value)
            self._read_slice(target.slice)
            container = dotted_name(target.value)
            self._move(v, how.stored_in(f"{container}[...]" if container else "a container"))
        elif isinstance(target, (ast.Tuple, ast.List)):
            self._use(v)
            known = True
            for position, element in enumerate(target.elts):
                if isinstance(element, ast.Starred):
                    known = False
                    self._store(element.value, _Value(v.site))
                else:
                    t = self.facts.item_type(v.type, position) if known else None
                    owned = v.owned and v.path is None
                    self._store(element, _Value(v.site, self.facts.refine(element, t),
                                                owned=owned))
        elif isinstance(target, ast.Starred):
            self._store(target.value, _Value(v.site))

    def _bind_name(self, name: str, v: _Value, site: ir.Site) -> None:
        self.pending.pop(name, None)
        name = self.renames.get(name, name)
        self.captured_roots.discard(name)
        if v.closure is not None:
            if v.closure.slots is None:
                self._define(v.closure)
            self.closures[name] = v.closure
            self.env[name] = None
            self.b.emit(ir.Bind(name, site, None))
            return
        self.closures.pop(name, None)
        if self._tracked(v):
            self._transfer(str(v.path), name, v.site)
        else:
            self._whole(v)
            self.b.emit(self._fresh_bind(name, site, v, local=True))
        self.env[name] = v.type
        for bind in self._field_binds(name, v.type, site, False):
            self.b.emit(bind)

    def _fresh_bind(self, place: str, site: ir.Site, v: _Value, *, local: bool) -> ir.Bind:
        """``place`` gets a value that is not a tracked place: a new one, an
        item of a container, or something untracked (``kind`` ``None``)."""
        t = v.type
        kind = self.facts.kind(t)
        if t is None or kind is None:
            return ir.Bind(place, site, None)
        borrowed = t.is_borrowed
        return ir.Bind(place, site, kind, borrowed=borrowed,
                       obligation=local and v.owned and not borrowed,
                       type_name=self.facts.type_name(t))

    def _store_attribute(self, target: ast.Attribute, v: _Value) -> None:
        base = self._operand(target.value)
        attr = target.attr
        path = join_place(base.path, attr) if base.path is not None else None
        declared = self.facts.field(base.type, attr) if path is not None else None
        if path is None or declared is None:
            self._use(base)
            self._move(v, how.stored_in(dotted_name(target) or f"an object's .{attr}"))
            return
        site = self.site(target)
        t = v.type if v.type is not None else declared
        if self.facts.kind(declared) is None or v.closure is not None:
            # A field that is not tracked itself: the value escapes into it.
            self._move(v, how.stored_in(path))
            self.b.emit(ir.Bind(path, site, None))
        elif self._tracked(v):
            self._transfer(str(v.path), path, v.site)
        else:
            self._whole(v)
            self.b.emit(self._fresh_bind(path, site, _Value(v.site, t), local=False))
        for bind in self._field_binds(path, t, site, False):
            self.b.emit(bind)

    def _assign(self, node: ast.Assign) -> None:
        targets = node.targets
        value = node.value
        if len(targets) == 1 and self._pairwise(targets[0], value):
            return
        if isinstance(value, (ast.IfExp, ast.BoolOp)):
            first = targets[0]
            self._flow(value, lambda v: self._store(first, v))
            v = _Value(self.site(value))
        else:
            v = self._operand(value)
            self._store(targets[0], v)
            if len(targets) == 1 and isinstance(targets[0], ast.Name):
                self._hold_tasks(targets[0].id, value)
        # ``a = b = x``: the later targets alias the first one.
        alias = targets[0].id if isinstance(targets[0], ast.Name) else None
        for target in targets[1:]:
            path = self.renames.get(alias, alias) if alias is not None else None
            self._store(target, _Value(v.site, self.env.get(path) if path else None, path=path))

    def _hold_tasks(self, name: str, value: ast.expr) -> None:
        """``name = w(q, b)`` or ``name = [w(q, b) for q in qs]``: the local
        holds calls not started yet (:class:`PendingTasks`)."""
        held: PendingTasks | None = None
        if isinstance(value, ast.Call) and value in self.borrowing_calls:
            held = PendingTasks(self.borrowing_calls[value], many=False)
        elif isinstance(value, _SEQUENCE_COMPREHENSIONS) and isinstance(
            value.elt, ast.Call
        ) and value.elt in self.borrowing_calls:
            held = PendingTasks.of_comprehension(
                self.comprehension_loops[value], self.borrowing_calls[value.elt]
            )
        if held is not None:
            self.pending[name] = held

    def _append_task(self, expr: ast.expr) -> None:
        """``tasks.append(w(q, b))``: ``tasks`` holds one more call."""
        if not (isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute)
                and isinstance(expr.func.value, ast.Name) and expr.func.attr == "append"
                and len(expr.args) == 1 and not expr.keywords
                and isinstance(expr.args[0], ast.Call)):
            return
        reaches = self.borrowing_calls.get(expr.args[0])
        if reaches is not None:
            name = expr.func.value.id
            self.pending[name] = PendingTasks.append(
                self.pending.get(name), reaches, self.b.innermost_loop()
            )

    def _pairwise(self, target: ast.expr, value: ast.expr) -> bool:
        """``a, b = x, y``: each value goes to its target. When a source is
        also a target (``a, b = b, a``) every source is read before any
        target is bound, as Python does."""
        if not (isinstance(target, (ast.Tuple, ast.List))
                and isinstance(value, (ast.Tuple, ast.List))):
            return False
        if len(target.elts) != len(value.elts) or any(
            isinstance(e, ast.Starred) for e in (*target.elts, *value.elts)
        ):
            return False
        values = [self._operand(element) for element in value.elts]
        targets = target.elts
        sources = {v.path for v in values if self._tracked(v)}
        names = {self.renames.get(t.id, t.id) for t in targets if isinstance(t, ast.Name)}
        if sources.isdisjoint(names):
            for t, v in zip(targets, values, strict=True):
                self._store(t, v)
            return True
        for t, v in zip(targets, values, strict=True):
            if self._tracked(v) and not (v.type is not None and v.type.is_borrowed):
                self._move_place(str(v.path), v.site, how.bound_by(dotted_name(t) or "a target"))
            else:
                self._use(v)
        for t, v in zip(targets, values, strict=True):
            self._store(t, _Value(v.site, v.type))
        return True

    def _annassign(self, node: ast.AnnAssign) -> None:
        target = node.target
        declared = self.facts.annotation(node.annotation)
        if node.value is None:
            if isinstance(target, ast.Name):
                self.env.setdefault(self.renames.get(target.id, target.id), declared)
            return

        def sink(v: _Value) -> None:
            # The annotation types a value the walk cannot see (``x: Budget = make()``).
            if v.type is None and v.closure is None and not self._tracked(v):
                v = _Value(v.site, declared)
            self._store(target, v)

        self._flow(node.value, sink)

    # --- statements -----------------------------------------------------------

    def statements(self, statements: Sequence[ast.stmt]) -> None:
        """Lower a block of statements, each that can raise after a checkpoint."""
        for statement in statements:
            if statement in self.file.skipped:
                continue
            if _may_raise(statement):
                self.b.emit(ir.Checkpoint(self.site(statement)))
            method = _STATEMENTS.get(type(statement))
            if method is not None:
                method(self, statement)

    def _expr_statement(self, node: ast.Expr) -> None:
        v = self._operand(node.value)
        self._use(v)
        self._append_task(node.value)
        if v.noreturn:
            self.b.emit(ir.Halt(self.site(node)))
        elif v.path is None and v.owned and self.facts.kind(v.type) is ir.Kind.LINEAR:
            # A new linear value nobody holds: it leaks here (BUD004).
            for event in discard(_statement_label(node.value), v.site,
                                 self.facts.type_name(v.type)):
                self.b.emit(event)

    def _augassign(self, node: ast.AugAssign) -> None:
        self._read(node.target)
        self._read(node.value)

    def _return(self, node: ast.Return) -> None:
        if node.value is not None:
            self._escape(node.value, how.RETURNED)
        self.b.emit(ir.Return(self.site(node)))

    def _raise(self, node: ast.Raise) -> None:
        if node.exc is not None:
            self._read(node.exc)
        if node.cause is not None:
            self._read(node.cause)
        self.b.emit(ir.Raise(self.site(node)))

    def _break(self, node: ast.Break) -> None:
        self.b.emit(ir.Break(self.site(node)))

    def _continue(self, node: ast.Continue) -> None:
        self.b.emit(ir.Continue(self.site(node)))

    def _del(self, node: ast.Delete) -> None:
        for target in node.targets:
            self._delete(target)

    def _delete(self, target: ast.expr) -> None:
        if isinstance(target, (ast.Tuple, ast.List)):
            for element in target.elts:
                self._delete(element)
            return
        v = self._operand(target)
        if self._tracked(v):
            self.b.emit(ir.Drop(str(v.path), v.site))
        elif isinstance(target, ast.Name):
            self.closures.pop(self.renames.get(target.id, target.id), None)

    def _assert(self, node: ast.Assert) -> None:
        self._read(node.test)
        if node.msg is not None:
            self._read(node.msg)

    def _import(self, node: ast.Import) -> None:
        if self.module_level:
            return  # the file's model resolves module-level imports
        for alias in node.names:
            if alias.asname is not None:
                self._alias(alias.asname, alias.name)
            else:
                head = alias.name.partition(".")[0]
                self._alias(head, head)

    def _import_from(self, node: ast.ImportFrom) -> None:
        if self.module_level or node.level or node.module is None:
            return
        for alias in node.names:
            if alias.name == "*":
                return
            self._alias(alias.asname or alias.name, f"{node.module}.{alias.name}")

    def _alias(self, local: str, target: str) -> None:
        self.aliases[local] = target
        self.env.pop(local, None)
        self.closures.pop(local, None)

    def _if(self, node: ast.If) -> None:
        # An ``elif`` ladder is walked as a loop (it can be thousands long);
        # each ``elif`` test is a statement of its own (an exception point).
        arms: list[dict[str, TypeRef | None]] = []
        with ExitStack() as blocks:
            current = node
            while True:
                self._read(current.test)
                none_in_body, none_in_orelse = self._none_tests(current.test)
                site = self.site(current.test)
                branch = self.b.open_if()
                before = dict(self.env)
                with self.b.into(branch.body):
                    self._forget(none_in_body, site)
                    self.statements(current.body)
                arms.append(self.env)
                self.env = before
                blocks.enter_context(self.b.into(branch.orelse))
                self._forget(none_in_orelse, site)
                orelse = current.orelse
                if len(orelse) == 1 and isinstance(orelse[0], ast.If):
                    current = orelse[0]
                    self.b.emit(ir.Checkpoint(self.site(current)))
                    continue
                self.statements(orelse)
                break
        for body_env in reversed(arms):
            self.env = self._join(body_env, self.env)

    def _none_tests(self, test: ast.expr) -> tuple[str | None, str | None]:
        """The place a ``None`` test proves empty on each branch:
        ``x is None`` in the body, ``x is not None`` in the else."""
        if not (isinstance(test, ast.Compare) and len(test.ops) == 1):
            return None, None
        right = test.comparators[0]
        if not (isinstance(right, ast.Constant) and right.value is None):
            return None, None
        place = dotted_name(test.left)
        if place is None or place.count(".") > MAX_DOTS:
            return None, None
        if isinstance(test.ops[0], ast.Is):
            return place, None
        if isinstance(test.ops[0], ast.IsNot):
            return None, place
        return None, None

    def _forget(self, place: str | None, site: ir.Site) -> None:
        if place is not None and place in self.b.tracked:
            self.b.emit(ir.Forget(place, site))

    def _loop_body(self, loop: ir.Loop, run: Callable[[], None]) -> None:
        before = dict(self.env)
        with self.b.into(loop.body):
            run()
        self.env = self._join(before, self.env)

    def _while(self, node: ast.While) -> None:
        loop = self.b.open_loop(can_exit=not _always_true(node.test))
        with self.b.into(loop.head):
            self._read(node.test)
        self._loop_body(loop, lambda: self.statements(node.body))
        if node.orelse:
            with self.b.into(loop.orelse):
                self.statements(node.orelse)

    def _for(self, node: ast.For | ast.AsyncFor) -> None:
        iterable = self._operand(node.iter)
        self._use(iterable)
        element = self.facts.element_type(iterable.type,
                                          is_async=isinstance(node, ast.AsyncFor))
        loop = self.b.open_loop()

        def body() -> None:
            target = node.target
            self._store(target, _Value(self.site(target), self.facts.refine(target, element),
                                       owned=False))
            self.statements(node.body)

        self._loop_body(loop, body)
        if node.orelse:
            with self.b.into(loop.orelse):
                self.statements(node.orelse)

    def _try(self, node: ast.Try) -> None:
        block = self.b.open_try()
        before = dict(self.env)
        with self.b.into(block.body):
            self.statements(node.body)
        after_body = self.env
        ends: list[dict[str, TypeRef | None]] = []
        for clause in node.handlers:
            handler = ir.Handler()
            block.handlers.append(handler)
            self.env = self._join(before, after_body)
            with self.b.into(handler.body):
                if clause.type is not None:
                    self._read(clause.type)
                if clause.name is not None:
                    where = self.site(clause)
                    self._bind_name(clause.name, _Value(where), where)
                self.statements(clause.body)
            ends.append(self.env)
        self.env = after_body
        if node.orelse:
            with self.b.into(block.orelse):
                self.statements(node.orelse)
        self.env = self._join(self.env, *ends)
        if node.finalbody:
            with self.b.into(block.finalbody):
                self.statements(node.finalbody)

    def _with_statement(self, node: ast.With | ast.AsyncWith) -> None:
        self._with(node, 0)

    def _with(self, node: ast.With | ast.AsyncWith, position: int) -> None:
        """``with`` items left to right; an item holding a tracked value
        that has ``__exit__`` settles it when the block is left."""
        if position == len(node.items):
            self.statements(node.body)
            return
        item = node.items[position]
        is_async = isinstance(node, ast.AsyncWith)
        v = self._operand(item.context_expr)
        target = item.optional_vars
        settles = self.facts.settles(v.type, is_async=is_async)
        entered = self.facts.enter_type(v.type, is_async=is_async)
        held: str | None = None
        if target is None:
            self._use(v)
            if settles and self._tracked(v):
                held = v.path
        elif (settles and self._tracked(v) and isinstance(target, ast.Name)
              and entered == self.facts.instance(v.type)):
            # ``with b as same:`` enters and settles the very same value.
            self._bind_name(target.id, v, self.site(target))
            held = self.renames.get(target.id, target.id)
        else:
            self._use(v)
            self._store(target, _Value(v.site, self.facts.refine(target, entered)))
            if settles and isinstance(target, ast.Name) and self.facts.kind(entered) is not None:
                held = self.renames.get(target.id, target.id)
        if held is None:
            self._with(node, position + 1)
            return
        kind = self.facts.kind(self._place_type(held)) or ir.Kind.AFFINE
        site = self.site(node)
        block = self.b.open_try()
        with self.b.into(block.body):
            self._with(node, position + 1)
        with self.b.into(block.finalbody):
            self.b.emit(ir.Settle(held, site, how.settled(kind, site.line)))

    def _match(self, node: ast.Match) -> None:
        subject = self._operand(node.subject)
        self._use(subject)
        match = self.b.open_match()
        before = dict(self.env)
        ends: list[dict[str, TypeRef | None]] = []
        for clause in node.cases:
            case = ir.Case()
            match.cases.append(case)
            self.env = dict(before)
            with self.b.into(case.body):
                self._pattern(clause.pattern, subject)
                if clause.guard is not None:
                    self._read(clause.guard)
                self.statements(clause.body)
            ends.append(self.env)
            if clause.guard is None and _irrefutable(clause.pattern):
                match.exhaustive = True
        self.env = self._join(before, *ends)

    def _pattern(self, pattern: ast.pattern, subject: _Value) -> None:
        """A pattern's events: a capture of the subject itself moves it into
        the name; class and value patterns borrow it."""
        unknown = _Value(subject.site)
        if isinstance(pattern, ast.MatchAs):
            if pattern.pattern is not None:
                self._pattern(pattern.pattern, subject)
            if pattern.name is not None:
                self._bind_name(pattern.name, subject, self.site(pattern))
            return
        self._use(subject)
        if isinstance(pattern, ast.MatchOr):
            for alternative in pattern.patterns:
                self._pattern(alternative, unknown)
        elif isinstance(pattern, ast.MatchClass):
            self._read(pattern.cls)
            for element in (*pattern.patterns, *pattern.kwd_patterns):
                self._pattern(element, unknown)
        elif isinstance(pattern, ast.MatchValue):
            self._read(pattern.value)
        elif isinstance(pattern, ast.MatchSequence):
            for part in pattern.patterns:
                if isinstance(part, ast.MatchStar):
                    if part.name is not None:
                        self._bind_name(part.name, unknown, self.site(part))
                else:
                    self._pattern(part, unknown)
        elif isinstance(pattern, ast.MatchMapping):
            for key, value in zip(pattern.keys, pattern.patterns, strict=True):
                self._read(key)
                self._pattern(value, unknown)
            if pattern.rest is not None:
                self._bind_name(pattern.rest, unknown, self.site(pattern))

    # --- definitions ----------------------------------------------------------

    def _def(self, node: _FunctionNode) -> None:
        for decorator in node.decorator_list:
            self._read(decorator)
        for _, _, default in _params_of(node.args):
            if default is not None:
                self._read(default)
        parent = None if self.module_level else self
        inner = _Body.lower_def(self.file, node, self._child(node.name),
                                parent=parent, owner=None)
        if parent is not None:
            closure = _Closure(self.site(node), list(inner.captures.values()), inner.model)
            self._bind_name(node.name, _Value(self.site(node), closure=closure),
                            self.site(node))

    def _class(self, node: ast.ClassDef) -> None:
        """A class body is not analysed; its methods are, each its own body."""
        parent = None if self.module_level else self
        bodies = self._class_bodies(node, self._child(node.name), parent)
        if parent is not None:
            captures = [c for body in bodies for c in body.captures.values()]
            closure = _Closure(self.site(node), captures)
            self._bind_name(node.name, _Value(self.site(node), closure=closure),
                            self.site(node))

    def _class_bodies(self, node: ast.ClassDef, qual: str, parent: _Body | None) -> list[_Body]:
        owner = self.facts.qualify(qual)
        bodies: list[_Body] = []
        for statement in _class_statements(node.body):
            if isinstance(statement, _FUNCTIONS):
                bodies.append(_Body.lower_def(self.file, statement,
                                              f"{qual}.{statement.name}",
                                              parent=parent, owner=owner))
            elif isinstance(statement, ast.ClassDef):
                bodies.extend(self._class_bodies(statement, f"{qual}.{statement.name}",
                                                 parent))
        return bodies


def _joined(node: ast.expr) -> ast.JoinedStr:
    """A format spec is a ``JoinedStr``; ``ast`` types it as any expression."""
    assert isinstance(node, ast.JoinedStr)
    return node


_OPERANDS: Final[Mapping[type[ast.expr], Callable[[_Body, ast.expr], _Value]]] = {
    ast.Name: _Body._name,  # type: ignore[dict-item]
    ast.Attribute: _Body._attribute,  # type: ignore[dict-item]
    ast.Call: _Body._call,  # type: ignore[dict-item]
    ast.Constant: _Body._constant,  # type: ignore[dict-item]
    ast.JoinedStr: _Body._fstring,  # type: ignore[dict-item]
    ast.Await: _Body._await,  # type: ignore[dict-item]
    ast.Subscript: _Body._subscript,  # type: ignore[dict-item]
    ast.Compare: _Body._compare,  # type: ignore[dict-item]
    ast.BinOp: _Body._binary,  # type: ignore[dict-item]
    ast.UnaryOp: _Body._unary,  # type: ignore[dict-item]
    ast.BoolOp: _Body._boolean,  # type: ignore[dict-item]
    ast.IfExp: _Body._ifexp,  # type: ignore[dict-item]
    ast.List: _Body._display,  # type: ignore[dict-item]
    ast.Tuple: _Body._display,  # type: ignore[dict-item]
    ast.Set: _Body._display,  # type: ignore[dict-item]
    ast.Dict: _Body._dict,  # type: ignore[dict-item]
    ast.ListComp: _Body._comprehension,  # type: ignore[dict-item]
    ast.SetComp: _Body._comprehension,  # type: ignore[dict-item]
    ast.GeneratorExp: _Body._comprehension,  # type: ignore[dict-item]
    ast.DictComp: _Body._comprehension,  # type: ignore[dict-item]
    ast.Lambda: _Body._lambda,  # type: ignore[dict-item]
    ast.NamedExpr: _Body._walrus,  # type: ignore[dict-item]
    ast.Yield: _Body._yield,  # type: ignore[dict-item]
    ast.YieldFrom: _Body._yield_from,  # type: ignore[dict-item]
    ast.Starred: _Body._starred,  # type: ignore[dict-item]
}
"""What each expression class lowers with (a dictionary: this runs on every node)."""

_STATEMENTS: Final[Mapping[type[ast.stmt], Callable[[_Body, ast.stmt], None]]] = {
    ast.Expr: _Body._expr_statement,  # type: ignore[dict-item]
    ast.Assign: _Body._assign,  # type: ignore[dict-item]
    ast.AnnAssign: _Body._annassign,  # type: ignore[dict-item]
    ast.AugAssign: _Body._augassign,  # type: ignore[dict-item]
    ast.Return: _Body._return,  # type: ignore[dict-item]
    ast.Raise: _Body._raise,  # type: ignore[dict-item]
    ast.Break: _Body._break,  # type: ignore[dict-item]
    ast.Continue: _Body._continue,  # type: ignore[dict-item]
    ast.Delete: _Body._del,  # type: ignore[dict-item]
    ast.Assert: _Body._assert,  # type: ignore[dict-item]
    ast.Import: _Body._import,  # type: ignore[dict-item]
    ast.ImportFrom: _Body._import_from,  # type: ignore[dict-item]
    ast.If: _Body._if,  # type: ignore[dict-item]
    ast.For: _Body._for,  # type: ignore[dict-item]
    ast.AsyncFor: _Body._for,  # type: ignore[dict-item]
    ast.While: _Body._while,  # type: ignore[dict-item]
    ast.Try: _Body._try,  # type: ignore[dict-item]
    ast.With: _Body._with_statement,  # type: ignore[dict-item]
    ast.AsyncWith: _Body._with_statement,  # type: ignore[dict-item]
    ast.FunctionDef: _Body._def,  # type: ignore[dict-item]
    ast.AsyncFunctionDef: _Body._def,  # type: ignore[dict-item]
    ast.ClassDef: _Body._class,  # type: ignore[dict-item]
    ast.Match: _Body._match,  # type: ignore[dict-item]
    **({ast.TryStar: _Body._try} if hasattr(ast, "TryStar") else {}),  # type: ignore[dict-item]
}
"""What each statement class lowers with; the others (``pass``, ``global``...) emit nothing."""
