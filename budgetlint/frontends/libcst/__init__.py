"""The libcst front end: Python source lowered into the ownership IR.

:func:`lower_source` parses a file with libcst, extracts the file's own
models with the standard library's ``ast``, and walks every body (the
module, each function and method, nested ``def``s and lambdas) in
evaluation order, emitting the events of SPEC section 4 into an
:class:`~budgetlint.engine.ir.Unit` (one :class:`~budgetlint.engine.ir.
Function` per body). Types come only from what is written (SPEC 7):
annotations, constructor calls, declared returns and fields from the
models, iteration. Where a value's type cannot be seen nothing is emitted
for it: a missed finding is acceptable, a false alarm is a bug.

The decisions that do not depend on libcst live in
:mod:`budgetlint.lowering`; this module is only the walk.
"""

from __future__ import annotations

import ast
import gc
import os
import re
import warnings
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Final

import libcst as cst
from libcst._nodes.internal import CodegenState

from budgetlint.engine import ir
from budgetlint.lowering import how
from budgetlint.lowering.builder import Builder, Slot, discard
from budgetlint.lowering.calls import (
    SELF,
    ArgForm,
    ArgShape,
    Effect,
    bind_arguments,
    constructor,
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
from budgetlint.models.extract import annotation_to_typeref, extract_module
from budgetlint.models.index import ModelIndex
from budgetlint.models.types import NONE, FunctionModel, ModuleModel, Param, ParamKind, TypeRef

__all__ = ["lower_source"]

_CONSTANTS: Final = {
    "None": TypeRef(NONE),
    "True": TypeRef("builtins.bool"),
    "False": TypeRef("builtins.bool"),
}
_STR: Final = TypeRef("builtins.str")
_DISPLAYS: Final[Mapping[type[cst.BaseExpression], how.Display]] = {
    cst.List: how.Display.LIST,
    cst.Tuple: how.Display.TUPLE,
    cst.Set: how.Display.SET,
    cst.ListComp: how.Display.LIST,
    cst.SetComp: how.Display.SET,
    cst.DictComp: how.Display.DICT,
}
_COMPREHENSIONS: Final = (cst.ListComp, cst.SetComp, cst.GeneratorExp, cst.DictComp)


def lower_source(
    text: str, path: str, module: str, index: ModelIndex, *, tree: ast.Module | None = None
) -> ir.Unit:
    """Lower the source ``text`` of module ``module`` (read from ``path``).

    ``index`` holds the models; the file's own model, extracted from
    ``tree`` (``ast.parse(text)``, parsed here when not given), is added to
    it. Raises libcst's ``ParserSyntaxError`` for code that does not parse,
    ``SyntaxError`` for code the running Python's ``ast`` rejects, and
    ``RecursionError`` for code nested too deeply to walk.
    """
    if tree is None:
        with warnings.catch_warnings():
            # Invalid escape sequences and the like are the linted code's business.
            warnings.simplefilter("ignore")
            tree = ast.parse(text)
    is_package = os.path.basename(path).startswith("__init__.")
    model = extract_module(tree, module, is_package=is_package)
    with _without_cyclic_gc():
        module_tree = cst.parse_module(text)
        lowering = _File(module_tree, _Starts.of(module_tree), model,
                         index.with_module(model), ir.Unit(path, module))
        lowering.lower()
    return lowering.unit


@contextmanager
def _without_cyclic_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while a file is lowered.

    A libcst tree is a large number of objects without reference cycles
    (freed by reference counting); the collector rescanning them while they
    are built makes large files superlinear (a third slower at 9,000
    lines). The collector's state is restored as it was.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


_NEWLINES: Final = re.compile(r"\r\n?|\n")


@dataclass
class _Starts(CodegenState):
    """The start of every node, as libcst's ``PositionProvider`` computes it.

    The same code generation pass, keeping only what sites need: no
    generated text, no end positions, no position objects, no
    ``MetadataWrapper`` (which walks the tree once more for batched
    providers even when there are none). Four times faster on large files;
    ``tests/test_lowering.py`` checks it agrees with ``PositionProvider``.
    """

    line: int = 1
    column: int = 0
    starts: dict[cst.CSTNode, tuple[int, int]] = field(default_factory=dict)
    _stack: list[tuple[int, int]] = field(default_factory=list)

    @classmethod
    def of(cls, module: cst.Module) -> dict[cst.CSTNode, tuple[int, int]]:
        """(1-based line, 0-based column) of every node of ``module``."""
        state = cls(default_indent=module.default_indent, default_newline=module.default_newline)
        module._codegen(state)
        return state.starts

    def add_indent_tokens(self) -> None:
        for token in self.indent_tokens:
            self.column += len(token)

    def add_token(self, value: str) -> None:
        if "\n" in value or "\r" in value:
            parts = _NEWLINES.split(value)
            self.line += len(parts) - 1
            self.column = len(parts[-1])
        else:
            self.column += len(value)

    def before_codegen(self, node: cst.CSTNode) -> None:
        self._stack.append((self.line, self.column))

    def after_codegen(self, node: cst.CSTNode) -> None:
        # Nodes without a syntactic position (whitespace, operators) start
        # where their code does.
        start = self._stack.pop()
        self.starts.setdefault(node, start)

    @contextmanager
    def record_syntactic_position(
        self,
        node: cst.CSTNode,
        *,
        start_node: cst.CSTNode | None = None,
        end_node: cst.CSTNode | None = None,
    ) -> Iterator[None]:
        start = (self.line, self.column)
        try:
            yield
        finally:
            self.starts[node] = self.starts[start_node] if start_node is not None else start


class _File:
    """What the bodies of one file share: positions, models, the unit."""

    def __init__(
        self,
        tree: cst.Module,
        starts: Mapping[cst.CSTNode, tuple[int, int]],
        model: ModuleModel,
        index: ModelIndex,
        unit: ir.Unit,
    ) -> None:
        self.tree = tree
        self.starts = starts
        self.model = model
        self.index = index
        self.facts = TypeFacts(index)
        self.unit = unit
        self._annotations: dict[str, TypeRef] = {}

    def lower(self) -> None:
        body = _Body(self, "<module>", ir.Site(1, 0), parent=None, module_level=True)
        body.statements(self.tree.body)
        body.finish()

    def site(self, node: cst.CSTNode) -> ir.Site:
        line, column = self.starts[node]
        return ir.Site(line, column)

    def resolve(self, dotted: str) -> str:
        """A dotted name used at the top level of the file, fully qualified."""
        return self.index.resolve(self.model, dotted)

    def annotation(self, node: cst.BaseExpression) -> TypeRef:
        """The type an annotation expression denotes.

        Only annotations the file's model does not hold (locals, nested
        functions) come here; their text is parsed with ``ast`` once each.
        """
        text = self.tree.code_for_node(node).strip()
        found = self._annotations.get(text)
        if found is None:
            try:
                expr: ast.expr = ast.parse(text, mode="eval").body
            except SyntaxError:
                expr = ast.Constant(text)
            found = self._annotations[text] = annotation_to_typeref(expr, self.resolve)
        return found

    def def_model(self, qual: str, cls: str | None, name: str) -> FunctionModel | None:
        """The model of a function or method the extractor saw (top-level
        functions and methods of top-level classes)."""
        if cls is not None:
            owner = self.index.cls(cls)
            return owner.methods.get(name) if owner is not None else None
        return self.model.functions.get(f"{self.model.name}.{qual}")


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


def _dotted(node: cst.BaseExpression) -> str | None:
    """``a.b.c`` for a chain of attributes on a name, else ``None``."""
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        head = _dotted(node.value)
        return None if head is None else f"{head}.{node.attr.value}"
    return None


def _statement_label(expr: cst.BaseExpression) -> str:
    """The callee of an expression statement (``await``-ed or not), for messages."""
    call = expr.expression if isinstance(expr, cst.Await) else expr
    if isinstance(call, cst.Call):
        return how.callee_label(_dotted(call.func), "")
    return ""


def _arg_shape(arg: cst.Arg) -> ArgShape:
    if arg.star == "*":
        return ArgShape(ArgForm.STAR)
    if arg.star == "**":
        return ArgShape(ArgForm.DOUBLE_STAR)
    if arg.keyword is not None:
        return ArgShape(ArgForm.KEYWORD, arg.keyword.value)
    return ArgShape(ArgForm.POSITIONAL)


def _always_true(test: cst.BaseExpression) -> bool:
    """``while True:`` / ``while 1:``: the loop is left only by a jump."""
    if isinstance(test, cst.Name):
        return test.value == "True"
    return isinstance(test, cst.Integer) and test.evaluated_value != 0


def _irrefutable(pattern: cst.MatchPattern) -> bool:
    """A pattern that matches any subject (``case x:``, ``case _:``)."""
    if isinstance(pattern, cst.MatchAs):
        return pattern.pattern is None or _irrefutable(pattern.pattern)
    if isinstance(pattern, cst.MatchOr):
        return any(_irrefutable(p.pattern) for p in pattern.patterns)
    return False


def _may_raise(node: cst.BaseSmallStatement) -> bool:
    """Whether an exception can leave from inside the statement: not from
    ``pass``, ``break``, ``continue``, ``global``/``nonlocal``, nor from a
    ``return`` of nothing, a name or a constant (no checkpoint before them,
    so a handler does not see the state they start from)."""
    if isinstance(node, (cst.Pass, cst.Break, cst.Continue, cst.Global, cst.Nonlocal)):
        return False
    if isinstance(node, cst.Return):
        value = node.value
        return value is not None and not isinstance(
            value, (cst.Name, cst.SimpleString, cst.Integer, cst.Float, cst.Ellipsis)
        )
    return True


def _class_statements(suite: cst.BaseSuite) -> Iterator[cst.BaseCompoundStatement]:
    """The compound statements of a class body, looking into ``if`` and
    ``try`` blocks (version checks), as the model extractor does."""
    if isinstance(suite, cst.IndentedBlock):
        for statement in suite.body:
            if isinstance(statement, cst.BaseCompoundStatement):
                yield from _unfold(statement)


def _unfold(statement: cst.BaseCompoundStatement) -> Iterator[cst.BaseCompoundStatement]:
    if isinstance(statement, cst.If):
        yield from _class_statements(statement.body)
        orelse = statement.orelse
        if isinstance(orelse, cst.If):
            yield from _unfold(orelse)
        elif orelse is not None:
            yield from _class_statements(orelse.body)
    elif isinstance(statement, (cst.Try, cst.TryStar)):
        for block in (statement.body, *(h.body for h in statement.handlers)):
            yield from _class_statements(block)
    else:
        yield statement


def _params_of(params: cst.Parameters) -> list[tuple[cst.Param, ParamKind]]:
    """Every parameter in order, with its kind."""
    out = [(p, ParamKind.POSITIONAL_ONLY) for p in params.posonly_params]
    out.extend((p, ParamKind.POSITIONAL_OR_KEYWORD) for p in params.params)
    if isinstance(params.star_arg, cst.Param):
        out.append((params.star_arg, ParamKind.VAR_POSITIONAL))
    out.extend((p, ParamKind.KEYWORD_ONLY) for p in params.kwonly_params)
    if params.star_kwarg is not None:
        out.append((params.star_kwarg, ParamKind.VAR_KEYWORD))
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
        self.task_elements: dict[cst.CSTNode, TaskCall] = {}
        """Starred comprehensions handed to a spawner, being lowered: their
        element call is lowered as what the tasks run (:class:`TaskCall`)."""
        self.borrowing_calls: dict[cst.Call, tuple[Reach, ...]] = {}
        """``async def`` calls made and not awaited, with the places they borrow."""
        self.comprehension_loops: dict[cst.CSTNode, ir.Loop] = {}
        self.pending: dict[str, PendingTasks] = {}
        """Locals holding calls not started yet (:class:`PendingTasks`)."""
        self.model: FunctionModel | None = None

    # --- bodies ---------------------------------------------------------------

    @classmethod
    def lower_def(
        cls,
        file: _File,
        node: cst.FunctionDef,
        qual: str,
        *,
        parent: _Body | None,
        owner: str | None,
    ) -> _Body:
        """Lower a ``def`` (a method when ``owner``, the class's fully
        qualified name, is given)."""
        body = cls(file, qual, file.site(node), parent=parent)
        name = node.name.value
        model = file.def_model(qual, owner, name)
        if model is not None:
            plain = not (model.is_staticmethod or model.is_classmethod)
        else:
            plain = not any(
                file.resolve(_dotted(d.decorator) or "")
                in ("builtins.staticmethod", "builtins.classmethod")
                for d in node.decorators
            )
        params = _params_of(node.params)
        is_method = owner is not None and plain and bool(params) and params[0][1] in (
            ParamKind.POSITIONAL_ONLY,
            ParamKind.POSITIONAL_OR_KEYWORD,
        )
        body.function.is_method = is_method
        body.function.consumes_self = model is not None and SELF in model.consumes
        owner_type = TypeRef(owner) if owner is not None else None
        built = body.parameters(params, model, owner_type if is_method else None, owner_type)
        if model is None:
            returns = file.annotation(node.returns.annotation) if node.returns else None
            model = FunctionModel(qual, built, returns, is_async=node.asynchronous is not None)
        body.model = model
        body.suite(node.body)
        body.finish()
        return body

    def parameters(
        self,
        params: list[tuple[cst.Param, ParamKind]],
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
        for position, (param, kind) in enumerate(params):
            name = param.name.value
            if name in declared:
                t = declared[name]
            elif param.annotation is not None:
                t = self.file.annotation(param.annotation.annotation)
            else:
                t = None
            is_receiver = position == 0 and receiver is not None
            t = resolve_self(receiver if is_receiver else t, owner)
            built.append(Param(name, kind, t, param.default is not None))
            site = self.file.site(param.name)
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

    def site(self, node: cst.CSTNode) -> ir.Site:
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

    def _read(self, node: cst.BaseExpression) -> None:
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

    def _name(self, node: cst.Name) -> _Value:
        name = node.value
        site = self.site(node)
        local = self.renames.get(name, name)
        if local in self.env:
            return _Value(
                site,
                self.env[local],
                path=local,
                dotted=name if self.module_level else None,
                closure=self.closures.get(local),
            )
        constant = _CONSTANTS.get(name)
        if constant is not None:
            return _Value(site, constant)
        captured = self._capture(name)
        if captured is not None:
            return _Value(site, self.env[captured], path=captured)
        return _Value(site, self._global_type(name), dotted=name)

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

    def _global_type(self, name: str) -> TypeRef | None:
        return self.file.model.variables.get(f"{self.file.model.name}.{name}")

    def _resolve(self, dotted: str) -> str:
        head, dot, rest = dotted.partition(".")
        body: _Body | None = self
        while body is not None:
            if head in body.aliases:
                return f"{body.aliases[head]}{dot}{rest}"
            body = body.parent
        return self.file.resolve(dotted)

    # --- expressions ----------------------------------------------------------

    def _operand(self, node: cst.BaseExpression) -> _Value:
        """Evaluate ``node``: emit the events of its parts, return its value."""
        if isinstance(node, cst.Name):
            return self._name(node)
        if isinstance(node, cst.Attribute):
            return self._attribute(node)
        if isinstance(node, cst.Call):
            return self._call(node)
        if isinstance(node, (cst.SimpleString, cst.ConcatenatedString, cst.FormattedString)):
            self._strings(node)
            return _Value(self.site(node), _STR)
        if isinstance(node, (cst.Integer, cst.Float, cst.Imaginary, cst.Ellipsis)):
            return _Value(self.site(node))
        if isinstance(node, cst.Await):
            return self._await(node)
        if isinstance(node, cst.Subscript):
            return self._subscript(node)
        if isinstance(node, cst.Comparison):
            self._read(node.left)
            for target in node.comparisons:
                self._read(target.comparator)
            return _Value(self.site(node), TypeRef("builtins.bool"))
        if isinstance(node, cst.BinaryOperation):
            self._read(node.left)
            self._read(node.right)
            return _Value(self.site(node))
        if isinstance(node, cst.UnaryOperation):
            self._read(node.expression)
            return _Value(self.site(node))
        if isinstance(node, cst.BooleanOperation):
            return self._boolean(node)
        if isinstance(node, cst.IfExp):
            return self._ifexp(node)
        if isinstance(node, (cst.List, cst.Tuple, cst.Set)):
            return self._display(node)
        if isinstance(node, cst.Dict):
            return self._dict(node)
        if isinstance(node, _COMPREHENSIONS):
            return self._comprehension(node)
        if isinstance(node, cst.Lambda):
            return self._lambda(node)
        if isinstance(node, cst.NamedExpr):
            return self._walrus(node)
        if isinstance(node, cst.Yield):
            self._yield(node)
            return _Value(self.site(node))
        for child in node.children:
            if isinstance(child, cst.BaseExpression):
                self._read(child)
        return _Value(self.site(node))

    def _strings(self, node: cst.BaseExpression) -> None:
        if isinstance(node, cst.ConcatenatedString):
            self._strings(node.left)
            self._strings(node.right)
        elif isinstance(node, cst.FormattedString):
            self._fstring_parts(node.parts)

    def _fstring_parts(self, parts: Sequence[cst.BaseFormattedStringContent]) -> None:
        for part in parts:
            if isinstance(part, cst.FormattedStringExpression):
                self._read(part.expression)
                if part.format_spec:
                    self._fstring_parts(part.format_spec)

    def _attribute(self, node: cst.Attribute) -> _Value:
        base = self._operand(node.value)
        attr = node.attr.value
        site = self.site(node)
        if base.path is not None:
            path = join_place(base.path, attr)
            declared = self.facts.field(base.type, attr) if path is not None else None
            if declared is not None:
                if self.facts.kind(declared) is None:
                    self._use(base)
                return _Value(site, declared, path=path)
        self._use(base)
        dotted = f"{base.dotted}.{attr}" if base.dotted is not None else None
        return _Value(site, self.facts.attribute(base.type, attr), dotted=dotted)

    def _subscript(self, node: cst.Subscript) -> _Value:
        # An item of a container is not a tracked place, and its type is left
        # to the type checker (``registry[k]`` is read, never owned here).
        self._read(node.value)
        self._read_slices(node.slice)
        return _Value(self.site(node))

    def _read_slices(self, elements: Sequence[cst.SubscriptElement]) -> None:
        for element in elements:
            part = element.slice
            if isinstance(part, cst.Index):
                self._read(part.value)
            elif isinstance(part, cst.Slice):
                for bound in (part.lower, part.upper, part.step):
                    if bound is not None:
                        self._read(bound)

    def _await(self, node: cst.Await) -> _Value:
        inner = node.expression
        if isinstance(inner, cst.Call):
            v = self._call(inner, awaited=True)
        else:
            v = self._operand(inner)
            self._use(v)
        return _Value(self.site(node), awaited(v.type), noreturn=v.noreturn)

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

    def _ifexp(self, node: cst.IfExp) -> _Value:
        self._read(node.test)
        results: list[_Value] = []

        def branch(expr: cst.BaseExpression) -> Callable[[], None]:
            def run() -> None:
                v = self._operand(expr)
                self._use(v)
                results.append(v)

            return run

        self._fork(branch(node.body), branch(node.orelse))
        return self._either(results[0], results[1], self.site(node))

    def _boolean(self, node: cst.BooleanOperation) -> _Value:
        left = self._operand(node.left)
        self._use(left)
        results: list[_Value] = []

        def right() -> None:
            v = self._operand(node.right)
            self._use(v)
            results.append(v)

        self._fork(lambda: None, right)
        return self._either(left, results[0], self.site(node))

    def _flow(self, node: cst.BaseExpression, sink: Callable[[_Value], None]) -> None:
        """Evaluate ``node`` into ``sink`` (an assignment, a return), taking
        each branch of a conditional expression or ``and``/``or`` apart so
        that the value of each branch goes to the sink on its own path."""
        if isinstance(node, cst.IfExp):
            self._read(node.test)
            body, orelse = node.body, node.orelse
            self._fork(lambda: self._flow(body, sink), lambda: self._flow(orelse, sink))
        elif isinstance(node, cst.BooleanOperation):
            left = self._operand(node.left)
            self._use(left)
            right = node.right
            self._fork(lambda: sink(left), lambda: self._flow(right, sink))
        else:
            sink(self._operand(node))

    def _escape(self, node: cst.BaseExpression, what: str) -> None:
        """``return``/``yield``: the value, or each element of a display, moves out."""
        if isinstance(node, (cst.Tuple, cst.List, cst.Set)):
            for element in node.elements:
                if isinstance(element, cst.StarredElement):
                    self._read(element.value)
                else:
                    self._escape(element.value, what)
        elif isinstance(node, cst.Dict):
            for item in node.elements:
                if isinstance(item, cst.DictElement):
                    self._escape(item.key, what)
                    self._escape(item.value, what)
                else:
                    self._read(item.value)
        else:
            self._flow(node, lambda v: self._move(v, what))

    def _display(self, node: cst.List | cst.Tuple | cst.Set) -> _Value:
        stored = how.stored_in_display(_DISPLAYS[type(node)])
        for element in node.elements:
            if isinstance(element, cst.StarredElement):
                self._read(element.value)
            else:
                self._move(self._operand(element.value), stored)
        return _Value(self.site(node))

    def _dict(self, node: cst.Dict) -> _Value:
        stored = how.stored_in_display(how.Display.DICT)
        for item in node.elements:
            if isinstance(item, cst.DictElement):
                self._move(self._operand(item.key), stored)
                self._move(self._operand(item.value), stored)
            else:
                self._read(item.value)
        return _Value(self.site(node))

    def _yield(self, node: cst.Yield) -> None:
        value = node.value
        if isinstance(value, cst.From):
            self._read(value.item)
        elif value is not None:
            self._escape(value, how.YIELDED)

    def _walrus(self, node: cst.NamedExpr) -> _Value:
        target = node.target
        self._flow(node.value, lambda v: self._store(target, v))
        return self._operand(target)

    # --- comprehensions -------------------------------------------------------

    def _comprehension(
        self, node: cst.ListComp | cst.SetComp | cst.GeneratorExp | cst.DictComp
    ) -> _Value:
        """A comprehension is a loop whose element may run any number of times."""
        outer = node.for_in
        iterable = self._operand(outer.iter)
        self._use(iterable)
        saved_env, saved_renames = dict(self.env), dict(self.renames)
        loop = self.comprehension_loops[node] = self.b.open_loop()
        with self.b.into(loop.body):
            self._comp_for(node, outer, iterable)
        # The targets are local to the comprehension (Python 3 scoping).
        self.env, self.renames = saved_env, saved_renames
        return _Value(self.site(node))

    def _comp_for(
        self,
        node: cst.ListComp | cst.SetComp | cst.GeneratorExp | cst.DictComp,
        clause: cst.CompFor,
        iterable: _Value,
    ) -> None:
        element = self.facts.element_type(
            iterable.type, is_async=clause.asynchronous is not None
        )
        self._comp_target(clause.target)
        self._store(clause.target, _Value(self.site(clause.target), element, owned=False))
        self._comp_rest(node, clause, 0)

    def _comp_rest(
        self,
        node: cst.ListComp | cst.SetComp | cst.GeneratorExp | cst.DictComp,
        clause: cst.CompFor,
        condition: int,
    ) -> None:
        if condition < len(clause.ifs):
            self._read(clause.ifs[condition].test)
            branch = self.b.open_if()
            with self.b.into(branch.body):
                self._comp_rest(node, clause, condition + 1)
            return
        inner = clause.inner_for_in
        if inner is not None:
            iterable = self._operand(inner.iter)
            self._use(iterable)
            loop = self.b.open_loop()
            with self.b.into(loop.body):
                self._comp_for(node, inner, iterable)
            return
        task = self.task_elements.pop(node, None)
        if isinstance(node, cst.DictComp):
            stored = how.stored_in_display(how.Display.DICT)
            self._move(self._operand(node.key), stored)
            self._move(self._operand(node.value), stored)
        else:
            what = (
                how.YIELDED
                if isinstance(node, cst.GeneratorExp)
                else how.stored_in_display(_DISPLAYS[type(node)])
            )
            if task is not None and isinstance(node.elt, cst.Call):
                v = self._call(node.elt, task=task)
                if not task.runs_in_task:
                    self._move(v, what)
            else:
                self._escape(node.elt, what)

    def _comp_target(self, target: cst.BaseExpression) -> None:
        """Give comprehension targets that shadow a local their own places."""
        if isinstance(target, cst.Name):
            name = target.value
            if name in self.env or name in self.renames:
                self.renames[name] = f"{name}'{len(self.renames) + 1}"
        elif isinstance(target, (cst.Tuple, cst.List)):
            for element in target.elements:
                self._comp_target(element.value)
        elif isinstance(target, cst.StarredElement):
            self._comp_target(target.value)

    # --- lambdas --------------------------------------------------------------

    def _lambda(self, node: cst.Lambda) -> _Value:
        """A lambda is its own body; in this one, a closure value."""
        site = self.site(node)
        params = _params_of(node.params)
        for param, _ in params:
            if param.default is not None:
                self._read(param.default)
        inner = _Body(self.file, self._child("<lambda>"), site, parent=self)
        inner.parameters(params, None, None, None)
        # The lambda's value is read, not moved: ``key=lambda a: a.budget`` borrows.
        inner._read(node.body)
        inner.finish()
        return _Value(site, closure=_Closure(site, list(inner.captures.values())))

    # --- calls ----------------------------------------------------------------

    def _callee(self, func: cst.BaseExpression) -> _Callee:
        dotted = _dotted(func)
        if isinstance(func, cst.Attribute):
            name = func.attr.value
            label = how.callee_label(dotted, name)
            inner = func.value
            if isinstance(inner, cst.Call) and is_join(name):
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
        if isinstance(func, cst.Name):
            v = self._name(func)
            name = func.value
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
        if self.index.cls(full) is not None:
            built = TypeRef(full)
            return _Callee(name, label, constructor(self.index, full), True, built,
                           constructs=built)
        return _Callee(name, label, self.index.function(full))

    def _call(
        self,
        node: cst.Call,
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
        if fn is not None:
            params = bind_arguments(fn.params, [_arg_shape(a) for a in node.args],
                                    bound=callee.bound)
        else:
            params = [None] * len(node.args)
        spec = fn.spawns if fn is not None and reaches is None else None
        later: list[tuple[Effect, _Value]] = []
        spawned: list[SpawnArg] = []
        # A coroutine made here and started later holds what it borrows.
        borrows: list[Reach] | None = (
            [] if fn is not None and fn.is_async and not awaited and task is None else None
        )
        for arg, param in zip(node.args, params, strict=True):
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
            effect = param_effect(self.index, fn, param, callee.owner) if fn else Effect.BORROW
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
            return _Value(site)
        result = self.facts.call_result(fn, callee.owner)
        return _Value(site, coroutine_of(result) if fn.is_async else result,
                      noreturn=fn.noreturn)

    def _send(self, place: str, site: ir.Site, what: str, *, fanout: bool, awaited: bool) -> None:
        self._note(place, moving=not awaited)
        self.b.emit(ir.Send(place, site, what, fanout, awaited))

    def _spawn_arg(self, arg: cst.Arg, param: Param) -> SpawnArg:
        """Classify an argument of a spawning parameter and collect what it
        takes into the task(s); its other events are emitted as usual."""
        value = arg.value
        if arg.star == "*" and isinstance(value, (cst.ListComp, cst.SetComp, cst.GeneratorExp)):
            each = self.task_elements[value] = TaskCall(param)
            scratch: list[ir.Node] = []
            with self.b.into(scratch):
                self._read(value)
            return SpawnArg(param, Shape.COMPREHENSION, comprehension_reaches(scratch, each))
        if isinstance(value, cst.Call) and not arg.star:
            task = TaskCall(param)
            self._call(value, task=task)
            return SpawnArg(param, Shape.CALL, tuple(task.reaches))
        found: list[Reach] = []
        if isinstance(value, (cst.Tuple, cst.List, cst.Dict)) and not arg.star:
            for element in value.elements:
                if isinstance(element, (cst.Element, cst.DictElement)):
                    if isinstance(element, cst.DictElement):
                        self._read(element.key)
                    self._reach(self._operand(element.value), found)
                else:
                    self._read(element.value)
            return SpawnArg(param, Shape.DISPLAY, tuple(found))
        if isinstance(value, cst.Name) and value.value in self.pending:
            self._read(value)
            held = self.pending.pop(value.value)
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

    def _store(self, target: cst.BaseExpression, v: _Value) -> None:
        """Assign the value ``v`` to ``target``."""
        if isinstance(target, cst.Name):
            self._bind_name(target.value, v, self.site(target))
        elif isinstance(target, cst.Attribute):
            self._store_attribute(target, v)
        elif isinstance(target, cst.Subscript):
            self._read(target.value)
            self._read_slices(target.slice)
            container = _dotted(target.value)
            self._move(v, how.stored_in(f"{container}[...]" if container else "a container"))
        elif isinstance(target, (cst.Tuple, cst.List)):
            self._use(v)
            known = True
            for position, element in enumerate(target.elements):
                if isinstance(element, cst.StarredElement):
                    known = False
                    self._store(element.value, _Value(v.site))
                else:
                    t = self.facts.item_type(v.type, position) if known else None
                    owned = v.owned and v.path is None
                    self._store(element.value, _Value(v.site, t, owned=owned))
        elif isinstance(target, cst.StarredElement):
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

    def _store_attribute(self, target: cst.Attribute, v: _Value) -> None:
        base = self._operand(target.value)
        attr = target.attr.value
        path = join_place(base.path, attr) if base.path is not None else None
        declared = self.facts.field(base.type, attr) if path is not None else None
        if path is None or declared is None:
            self._use(base)
            self._move(v, how.stored_in(_dotted(target) or f"an object's .{attr}"))
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

    def _assign(self, node: cst.Assign) -> None:
        targets = [t.target for t in node.targets]
        value = node.value
        if len(targets) == 1 and self._pairwise(targets[0], value):
            return
        if isinstance(value, (cst.IfExp, cst.BooleanOperation)):
            first = targets[0]
            self._flow(value, lambda v: self._store(first, v))
            v = _Value(self.site(value))
        else:
            v = self._operand(value)
            self._store(targets[0], v)
            if len(targets) == 1 and isinstance(targets[0], cst.Name):
                self._hold_tasks(targets[0].value, value)
        # ``a = b = x``: the later targets alias the first one.
        alias = targets[0].value if isinstance(targets[0], cst.Name) else None
        for target in targets[1:]:
            path = self.renames.get(alias, alias) if alias is not None else None
            self._store(target, _Value(v.site, self.env.get(path) if path else None, path=path))

    def _hold_tasks(self, name: str, value: cst.BaseExpression) -> None:
        """``name = w(q, b)`` or ``name = [w(q, b) for q in qs]``: the local
        holds calls not started yet (:class:`PendingTasks`)."""
        held: PendingTasks | None = None
        if isinstance(value, cst.Call) and value in self.borrowing_calls:
            held = PendingTasks(self.borrowing_calls[value], many=False)
        elif isinstance(value, (cst.ListComp, cst.SetComp, cst.GeneratorExp)) and isinstance(
            value.elt, cst.Call
        ) and value.elt in self.borrowing_calls:
            held = PendingTasks.of_comprehension(
                self.comprehension_loops[value], self.borrowing_calls[value.elt]
            )
        if held is not None:
            self.pending[name] = held

    def _append_task(self, expr: cst.BaseExpression) -> None:
        """``tasks.append(w(q, b))``: ``tasks`` holds one more call."""
        if not (isinstance(expr, cst.Call) and isinstance(expr.func, cst.Attribute)
                and isinstance(expr.func.value, cst.Name) and expr.func.attr.value == "append"
                and len(expr.args) == 1 and isinstance(expr.args[0].value, cst.Call)):
            return
        reaches = self.borrowing_calls.get(expr.args[0].value)
        if reaches is not None:
            name = expr.func.value.value
            self.pending[name] = PendingTasks.append(
                self.pending.get(name), reaches, self.b.innermost_loop()
            )

    def _pairwise(self, target: cst.BaseExpression, value: cst.BaseExpression) -> bool:
        """``a, b = x, y``: each value goes to its target. When a source is
        also a target (``a, b = b, a``) every source is read before any
        target is bound, as Python does."""
        if not (isinstance(target, (cst.Tuple, cst.List))
                and isinstance(value, (cst.Tuple, cst.List))):
            return False
        if len(target.elements) != len(value.elements) or any(
            isinstance(e, cst.StarredElement) for e in (*target.elements, *value.elements)
        ):
            return False
        values = [self._operand(element.value) for element in value.elements]
        targets = [element.value for element in target.elements]
        sources = {v.path for v in values if self._tracked(v)}
        names = {self.renames.get(t.value, t.value) for t in targets if isinstance(t, cst.Name)}
        if sources.isdisjoint(names):
            for t, v in zip(targets, values, strict=True):
                self._store(t, v)
            return True
        for t, v in zip(targets, values, strict=True):
            if self._tracked(v) and not (v.type is not None and v.type.is_borrowed):
                self._move_place(str(v.path), v.site, how.bound_by(_dotted(t) or "a target"))
            else:
                self._use(v)
        for t, v in zip(targets, values, strict=True):
            self._store(t, _Value(v.site, v.type))
        return True

    def _annassign(self, node: cst.AnnAssign) -> None:
        target = node.target
        declared = self.file.annotation(node.annotation.annotation)
        if node.value is None:
            if isinstance(target, cst.Name):
                self.env.setdefault(self.renames.get(target.value, target.value), declared)
            return

        def sink(v: _Value) -> None:
            # The annotation types a value the walk cannot see (``x: Budget = make()``).
            if v.type is None and v.closure is None and not self._tracked(v):
                v = _Value(v.site, declared)
            self._store(target, v)

        self._flow(node.value, sink)

    # --- statements -----------------------------------------------------------

    def statements(self, statements: Sequence[cst.BaseStatement]) -> None:
        """Lower a block of statements, each starting with a checkpoint."""
        for statement in statements:
            if isinstance(statement, cst.SimpleStatementLine):
                self._smalls(statement.body)
            elif isinstance(statement, cst.BaseCompoundStatement):
                self.b.emit(ir.Checkpoint(self.site(statement)))
                self._compound(statement)

    def suite(self, suite: cst.BaseSuite) -> None:
        if isinstance(suite, cst.IndentedBlock):
            self.statements(suite.body)
        elif isinstance(suite, cst.SimpleStatementSuite):
            self._smalls(suite.body)

    def _smalls(self, smalls: Sequence[cst.BaseSmallStatement]) -> None:
        for small in smalls:
            if _may_raise(small):
                self.b.emit(ir.Checkpoint(self.site(small)))
            self._small(small)

    def _small(self, node: cst.BaseSmallStatement) -> None:
        if isinstance(node, cst.Expr):
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
        elif isinstance(node, cst.Assign):
            self._assign(node)
        elif isinstance(node, cst.AnnAssign):
            self._annassign(node)
        elif isinstance(node, cst.AugAssign):
            self._read(node.target)
            self._read(node.value)
        elif isinstance(node, cst.Return):
            if node.value is not None:
                self._escape(node.value, how.RETURNED)
            self.b.emit(ir.Return(self.site(node)))
        elif isinstance(node, cst.Raise):
            if node.exc is not None:
                self._read(node.exc)
            if node.cause is not None:
                self._read(node.cause.item)
            self.b.emit(ir.Raise(self.site(node)))
        elif isinstance(node, cst.Break):
            self.b.emit(ir.Break(self.site(node)))
        elif isinstance(node, cst.Continue):
            self.b.emit(ir.Continue(self.site(node)))
        elif isinstance(node, cst.Del):
            self._delete(node.target)
        elif isinstance(node, cst.Assert):
            self._read(node.test)
            if node.msg is not None:
                self._read(node.msg)
        elif isinstance(node, cst.Import):
            self._import(node)
        elif isinstance(node, cst.ImportFrom):
            self._import_from(node)

    def _delete(self, target: cst.BaseExpression) -> None:
        if isinstance(target, (cst.Tuple, cst.List)):
            for element in target.elements:
                self._delete(element.value)
            return
        v = self._operand(target)
        if self._tracked(v):
            self.b.emit(ir.Drop(str(v.path), v.site))
        elif isinstance(target, cst.Name):
            self.closures.pop(self.renames.get(target.value, target.value), None)

    def _import(self, node: cst.Import) -> None:
        if self.module_level:
            return  # the file's model resolves module-level imports
        for alias in node.names:
            full = _dotted(alias.name) or ""
            if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                self._alias(alias.asname.name.value, full)
            else:
                head = full.partition(".")[0]
                self._alias(head, head)

    def _import_from(self, node: cst.ImportFrom) -> None:
        if self.module_level or node.relative or node.module is None:
            return
        if isinstance(node.names, cst.ImportStar):
            return
        base = _dotted(node.module)
        for alias in node.names:
            name = _dotted(alias.name) or ""
            local = name
            if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                local = alias.asname.name.value
            self._alias(local, f"{base}.{name}")

    def _alias(self, local: str, target: str) -> None:
        self.aliases[local] = target
        self.env.pop(local, None)
        self.closures.pop(local, None)

    def _compound(self, node: cst.BaseCompoundStatement) -> None:
        if isinstance(node, cst.If):
            self._if(node)
        elif isinstance(node, cst.For):
            self._for(node)
        elif isinstance(node, cst.While):
            self._while(node)
        elif isinstance(node, (cst.Try, cst.TryStar)):
            self._try(node)
        elif isinstance(node, cst.With):
            self._with(node, 0)
        elif isinstance(node, cst.FunctionDef):
            self._def(node)
        elif isinstance(node, cst.ClassDef):
            self._class(node)
        elif isinstance(node, cst.Match):
            self._match(node)

    def _if(self, node: cst.If) -> None:
        self._read(node.test)
        orelse = node.orelse
        none_in_body, none_in_orelse = self._none_tests(node.test)
        site = self.site(node.test)

        def body() -> None:
            self._forget(none_in_body, site)
            self.suite(node.body)

        def other() -> None:
            self._forget(none_in_orelse, site)
            if isinstance(orelse, cst.If):
                self._if(orelse)
            elif orelse is not None:
                self.suite(orelse.body)

        self._fork(body, other)

    def _none_tests(self, test: cst.BaseExpression) -> tuple[str | None, str | None]:
        """The place a ``None`` test proves empty on each branch:
        ``x is None`` in the body, ``x is not None`` in the else."""
        if not (isinstance(test, cst.Comparison) and len(test.comparisons) == 1):
            return None, None
        target = test.comparisons[0]
        if not (isinstance(target.comparator, cst.Name) and target.comparator.value == "None"):
            return None, None
        place = _dotted(test.left)
        if place is None or place.count(".") > MAX_DOTS:
            return None, None
        if isinstance(target.operator, cst.Is):
            return place, None
        if isinstance(target.operator, cst.IsNot):
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

    def _while(self, node: cst.While) -> None:
        loop = self.b.open_loop(can_exit=not _always_true(node.test))
        with self.b.into(loop.head):
            self._read(node.test)
        self._loop_body(loop, lambda: self.suite(node.body))
        if node.orelse is not None:
            with self.b.into(loop.orelse):
                self.suite(node.orelse.body)

    def _for(self, node: cst.For) -> None:
        iterable = self._operand(node.iter)
        self._use(iterable)
        element = self.facts.element_type(iterable.type, is_async=node.asynchronous is not None)
        loop = self.b.open_loop()

        def body() -> None:
            self._store(node.target, _Value(self.site(node.target), element, owned=False))
            self.suite(node.body)

        self._loop_body(loop, body)
        if node.orelse is not None:
            with self.b.into(loop.orelse):
                self.suite(node.orelse.body)

    def _try(self, node: cst.Try | cst.TryStar) -> None:
        block = self.b.open_try()
        before = dict(self.env)
        with self.b.into(block.body):
            self.suite(node.body)
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
                    self._store(clause.name.name, _Value(self.site(clause.name.name)))
                self.suite(clause.body)
            ends.append(self.env)
        self.env = after_body
        if node.orelse is not None:
            with self.b.into(block.orelse):
                self.suite(node.orelse.body)
        self.env = self._join(self.env, *ends)
        if node.finalbody is not None:
            with self.b.into(block.finalbody):
                self.suite(node.finalbody.body)

    def _with(self, node: cst.With, position: int) -> None:
        """``with`` items left to right; an item holding a tracked value
        that has ``__exit__`` settles it when the block is left."""
        if position == len(node.items):
            self.suite(node.body)
            return
        item = node.items[position]
        is_async = node.asynchronous is not None
        v = self._operand(item.item)
        target = item.asname.name if item.asname is not None else None
        settles = self.facts.settles(v.type, is_async=is_async)
        entered = self.facts.enter_type(v.type, is_async=is_async)
        held: str | None = None
        if target is None:
            self._use(v)
            if settles and self._tracked(v):
                held = v.path
        elif (settles and self._tracked(v) and isinstance(target, cst.Name)
              and entered == self.facts.instance(v.type)):
            # ``with b as same:`` enters and settles the very same value.
            self._bind_name(target.value, v, self.site(target))
            held = self.renames.get(target.value, target.value)
        else:
            self._use(v)
            self._store(target, _Value(v.site, entered))
            if settles and isinstance(target, cst.Name) and self.facts.kind(entered) is not None:
                held = self.renames.get(target.value, target.value)
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

    def _match(self, node: cst.Match) -> None:
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
                self.suite(clause.body)
            ends.append(self.env)
            if clause.guard is None and _irrefutable(clause.pattern):
                match.exhaustive = True
        self.env = self._join(before, *ends)

    def _pattern(self, pattern: cst.MatchPattern, subject: _Value) -> None:
        """A pattern's events: a capture of the subject itself moves it into
        the name; class and value patterns borrow it."""
        unknown = _Value(subject.site)
        if isinstance(pattern, cst.MatchAs):
            if pattern.pattern is not None:
                self._pattern(pattern.pattern, subject)
            if pattern.name is not None:
                self._bind_name(pattern.name.value, subject, self.site(pattern.name))
            return
        self._use(subject)
        if isinstance(pattern, cst.MatchOr):
            for alternative in pattern.patterns:
                self._pattern(alternative.pattern, unknown)
        elif isinstance(pattern, cst.MatchClass):
            self._read(pattern.cls)
            for element in pattern.patterns:
                self._pattern(element.value, unknown)
            for keyword in pattern.kwds:
                self._pattern(keyword.pattern, unknown)
        elif isinstance(pattern, cst.MatchValue):
            self._read(pattern.value)
        elif isinstance(pattern, cst.MatchSequence):
            for part in pattern.patterns:
                if isinstance(part, cst.MatchStar):
                    if part.name is not None:
                        self._bind_name(part.name.value, unknown, self.site(part.name))
                else:
                    self._pattern(part.value, unknown)
        elif isinstance(pattern, cst.MatchMapping):
            for entry in pattern.elements:
                self._read(entry.key)
                self._pattern(entry.pattern, unknown)
            if pattern.rest is not None:
                self._bind_name(pattern.rest.value, unknown, self.site(pattern.rest))

    # --- definitions ----------------------------------------------------------

    def _def(self, node: cst.FunctionDef) -> None:
        for decorator in node.decorators:
            self._read(decorator.decorator)
        for param, _ in _params_of(node.params):
            if param.default is not None:
                self._read(param.default)
        parent = None if self.module_level else self
        inner = _Body.lower_def(self.file, node, self._child(node.name.value),
                                parent=parent, owner=None)
        if parent is not None:
            closure = _Closure(self.site(node), list(inner.captures.values()), inner.model)
            self._bind_name(node.name.value, _Value(self.site(node), closure=closure),
                            self.site(node.name))

    def _class(self, node: cst.ClassDef) -> None:
        """A class body is not analysed; its methods are, each its own body."""
        parent = None if self.module_level else self
        bodies = self._class_bodies(node, self._child(node.name.value), parent)
        if parent is not None:
            captures = [c for body in bodies for c in body.captures.values()]
            closure = _Closure(self.site(node), captures)
            self._bind_name(node.name.value, _Value(self.site(node), closure=closure),
                            self.site(node.name))

    def _class_bodies(self, node: cst.ClassDef, qual: str, parent: _Body | None) -> list[_Body]:
        owner = f"{self.file.model.name}.{qual}"
        bodies: list[_Body] = []
        for statement in _class_statements(node.body):
            if isinstance(statement, cst.FunctionDef):
                bodies.append(_Body.lower_def(self.file, statement,
                                              f"{qual}.{statement.name.value}",
                                              parent=parent, owner=owner))
            elif isinstance(statement, cst.ClassDef):
                bodies.extend(self._class_bodies(statement, f"{qual}.{statement.name.value}",
                                                 parent))
        return bodies
