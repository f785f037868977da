"""Lowering a type-checked mypy module into the ownership IR.

The same rules as the libcst front end (SPEC sections 4 and 5; the
front-end-independent decisions live in :mod:`budgetlint.lowering`), over
mypy's AST, with mypy's types as the type facts (:mod:`.facts`). mypy's
compiled visitors cannot be subclassed from a plugin, so the walk is a
dispatch on node classes.

Where mypy sees more than the libcst front end does (inferred types of
locals, imported callees' signatures, call results whose type needs
inference), more values are tracked; the corpus marks those cases
``# expect-mypy``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from mypy.nodes import (
    ARG_NAMED,
    ARG_STAR,
    ARG_STAR2,
    GDEF,
    LDEF,
    AssertStmt,
    AssignmentExpr,
    AssignmentStmt,
    AwaitExpr,
    Block,
    BreakStmt,
    BytesExpr,
    CallExpr,
    CastExpr,
    ClassDef,
    ComparisonExpr,
    ConditionalExpr,
    ContinueStmt,
    Decorator,
    DelStmt,
    DictExpr,
    DictionaryComprehension,
    EllipsisExpr,
    Expression,
    ExpressionStmt,
    FloatExpr,
    ForStmt,
    FuncDef,
    FuncItem,
    GeneratorExpr,
    GlobalDecl,
    IfStmt,
    Import,
    ImportAll,
    ImportFrom,
    IndexExpr,
    IntExpr,
    LambdaExpr,
    ListComprehension,
    ListExpr,
    MatchStmt,
    MemberExpr,
    MypyFile,
    NameExpr,
    NonlocalDecl,
    OperatorAssignmentStmt,
    OpExpr,
    OverloadedFuncDef,
    PassStmt,
    RaiseStmt,
    RefExpr,
    ReturnStmt,
    SetComprehension,
    SetExpr,
    SliceExpr,
    StarExpr,
    Statement,
    StrExpr,
    SymbolNode,
    TempNode,
    TryStmt,
    TupleExpr,
    TypeAliasStmt,
    UnaryExpr,
    Var,
    WhileStmt,
    WithStmt,
    YieldExpr,
    YieldFromExpr,
)
from mypy.patterns import (
    AsPattern,
    ClassPattern,
    MappingPattern,
    OrPattern,
    Pattern,
    SequencePattern,
    StarredPattern,
)
from mypy.types import CallableType, Instance, Type, UninhabitedType, get_proper_type

from budgetlint.engine import ir
from budgetlint.frontends.mypy.facts import Callee, MypyFacts, consumed_params
from budgetlint.lowering import how
from budgetlint.lowering.builder import Builder, Slot, discard
from budgetlint.lowering.calls import ArgForm, ArgShape, Effect, bind_arguments, param_effect
from budgetlint.lowering.calls import receiver_effect as receiver_effect_of
from budgetlint.lowering.facts import join_place
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
from budgetlint.models.types import NONE, Param

MODULE_BODY = "<module>"
LAMBDA = "<lambda>"
_DISPLAYS: dict[type[Expression], how.Display] = {
    ListExpr: how.Display.LIST,
    TupleExpr: how.Display.TUPLE,
    SetExpr: how.Display.SET,
    DictExpr: how.Display.DICT,
}
_COMPREHENSIONS = (ListComprehension, SetComprehension, GeneratorExpr, DictionaryComprehension)
_Generator = GeneratorExpr | DictionaryComprehension
_SILENT_STATEMENTS = (PassStmt, Import, ImportFrom, ImportAll, GlobalDecl, NonlocalDecl,
                      TypeAliasStmt)
"""Statements without ownership events (no checkpoint either)."""
_ARG_FORMS = {ARG_STAR: ArgForm.STAR, ARG_STAR2: ArgForm.DOUBLE_STAR, ARG_NAMED: ArgForm.KEYWORD}


def site(node: Expression | Statement | FuncItem | Pattern) -> ir.Site:
    """A node's start: 1-based line, 0-based column (as mypy and ``ast``)."""
    return ir.Site(node.line, max(node.column, 0))


@dataclass
class _Closure:
    """A lambda or nested def of the body being lowered: what it captures,
    and the events its definition emitted (replaced when it escapes)."""

    line: int
    captures: list[tuple[str, ir.Site]]
    """Places of the enclosing body it reads, with where it is defined."""
    slots: list[Slot] = field(default_factory=list)
    escaped: bool = False


class _Body:
    """One :class:`ir.Function` being built, with its scope."""

    def __init__(self, parent: _Body | None, function: ir.Function) -> None:
        self.parent = parent
        self.function = function
        self.builder = Builder()
        self.entry: list[ir.Node] = []
        self.vars: set[SymbolNode] = set()
        """Variables bound in this body (its locals)."""
        self.captures: dict[str, tuple[Var, ir.Site]] = {}
        """Places of enclosing bodies read here, with their first read."""
        self.closures: dict[SymbolNode, _Closure] = {}
        """Local names holding a closure (a nested def, a lambda assigned)."""
        self.pending: dict[str, PendingTasks] = {}
        """Locals holding calls not started yet (:class:`PendingTasks`)."""

    def encloses(self, var: SymbolNode) -> bool:
        """Whether ``var`` is a local of an enclosing body."""
        body = self.parent
        while body is not None:
            if var in body.vars:
                return True
            body = body.parent
        return False


class ModuleLowering:
    """Lowers one module; :meth:`lower` returns its :class:`ir.Unit`."""

    def __init__(self, file: MypyFile, facts: MypyFacts, path: str) -> None:
        self.file = file
        self.facts = facts
        self.path = path
        self.functions: list[ir.Function] = []
        self.with_functions = True
        """Lower module-level functions and methods too (not for a recheck
        of the module's top level alone)."""
        self.body = _Body(None, ir.Function(MODULE_BODY, ir.Site(1, 0)))
        self.task_elements: dict[_Generator, TaskCall] = {}
        """Starred comprehensions handed to a spawner, being lowered: their
        element call is lowered as what the tasks run (:class:`TaskCall`)."""
        self.borrowing_calls: dict[CallExpr, tuple[Reach, ...]] = {}
        """``async def`` calls made and not awaited, with the places they borrow."""
        self.comprehension_loops: dict[_Generator, ir.Loop] = {}

    # --- units and bodies -------------------------------------------------------

    def lower(self) -> ir.Unit:
        """Every body of the module: the module itself first, then the
        functions, methods, nested defs and lambdas in source order."""
        self.block_statements(self.file.defs)
        self._finish(self.body)
        self.functions.sort(key=lambda f: f.site)
        return ir.Unit(self.path, self.file.fullname, self.functions)

    def lower_target(self, target: FuncDef | None) -> ir.Unit:
        """One fine-grained target of ``dmypy``: a module-level function or
        a method with the closures in it, or (``None``) the module's top
        level without the functions."""
        if target is None:
            self.with_functions = False
            return self.lower()
        node = target.info.names.get(target.name) if target.info else self.file.names.get(
            target.name)
        definition = node.node if node is not None else None
        consumes = isinstance(definition, Decorator) and self.facts.consumes_self(definition)
        is_method = bool(target.info) and bool(target.arguments) and not (
            target.is_static or target.is_class)
        self.function(target, parent=None, is_method=is_method, consumes_self=consumes)
        return ir.Unit(self.path, self.file.fullname, self.functions)

    def _finish(self, body: _Body) -> None:
        body.function.body = body.builder.finish(body.entry)
        self.functions.append(body.function)

    def emit(self, node: ir.Node) -> Slot:
        """Append ``node`` to the block being built."""
        return self.body.builder.emit(node)

    def function(self, func: FuncItem, *, parent: _Body | None, is_method: bool,
                 consumes_self: bool) -> _Body:
        """Lower ``func``'s body as its own :class:`ir.Function`."""
        name = func.name if isinstance(func, FuncDef) else LAMBDA
        body = _Body(parent, ir.Function(name, site(func), is_method=is_method,
                                         consumes_self=consumes_self))
        outer, self.body = self.body, body
        try:
            self._parameters(func, is_method)
            if isinstance(func, LambdaExpr):
                self._lambda_body(func)
            else:
                self.block(func.body)
            for place, (var, where) in body.captures.items():
                kind = self.facts.kind(var.type)
                if kind is not None:
                    body.entry.append(ir.Bind(place, where, kind, obligation=False,
                                              borrowed=self.facts.is_borrowed(var.type),
                                              type_name=self.facts.type_name(var.type)))
        finally:
            self.body = outer
        self._finish(body)
        return body

    def _lambda_body(self, func: LambdaExpr) -> None:
        """A lambda's expression is what it returns."""
        value = func.expr()
        self.emit(ir.Checkpoint(site(value)))
        self.moved_value(value, how.RETURNED)
        self.emit(ir.Return(site(value)))

    def _parameters(self, func: FuncItem, is_method: bool) -> None:
        """Entry binds: owned and borrowed parameters, the tracked fields of
        ``self`` and of parameters."""
        arg_types: Sequence[Type] = func.type.arg_types if isinstance(
            func.type, CallableType) else ()
        body = self.body
        for position, argument in enumerate(func.arguments):
            var = argument.variable
            body.vars.add(var)
            declared = arg_types[position] if position < len(arg_types) else None
            where = ir.Site(argument.line, max(argument.column, 0))
            if position == 0 and is_method:
                self._bind_fields("self", where, Instance(func.info, []) if func.info else None,
                                  borrowed=False)
                continue
            if argument.type_annotation is None:
                continue
            borrowed = self.facts.is_borrowed(declared)
            kind = self.facts.kind(declared)
            if kind is not None:
                body.entry.append(ir.Bind(var.name, where, kind, borrowed=borrowed,
                                          obligation=not borrowed,
                                          type_name=self.facts.type_name(declared)))
            self._bind_fields(var.name, where, declared, borrowed=borrowed)

    def _bind_fields(self, root: str, where: ir.Site, t: Type | None, *, borrowed: bool,
                     entry: bool = True) -> None:
        """Track the affine fields below ``root`` (``self.budget``, ``ctx.budget``)."""
        depth = 2 - root.count(".")
        for path, field_type, kind in self.facts.tracked_fields(t, depth):
            bind = ir.Bind(f"{root}.{path}", where, kind, borrowed=borrowed, obligation=False,
                           type_name=self.facts.type_name(field_type))
            if entry:
                self.body.entry.append(bind)
            else:
                self.emit(bind)

    # --- places ---------------------------------------------------------------

    def place(self, expr: Expression) -> str | None:
        """The place ``expr`` names, tracked or not: a local, a parameter, a
        capture, or a field path rooted at one (at most two dots)."""
        if isinstance(expr, NameExpr):
            return self._name_place(expr)
        if isinstance(expr, MemberExpr):
            root = self.place(expr.expr)
            if root is None or self.facts.field_type(self.facts.type_of(expr.expr),
                                                       expr.name) is None:
                return None
            return join_place(root, expr.name)
        return None

    def _name_place(self, expr: NameExpr) -> str | None:
        var = expr.node
        if not isinstance(var, Var):
            return None
        if self.resolve(expr.name, var, site(expr)):
            return expr.name
        # Not bound yet on this walk (read before its assignment in a loop):
        # a local of a function, or a global of the module body.
        module = self.body.parent is None and self.body.function.name == MODULE_BODY
        return expr.name if expr.kind == (GDEF if module else LDEF) else None

    def resolve(self, name: str, var: SymbolNode, where: ir.Site) -> bool:
        """Whether ``var`` is a place of the current body: one of its locals,
        or a local of an enclosing body (recorded as a capture)."""
        body = self.body
        if var in body.vars:
            return True
        if isinstance(var, Var) and body.encloses(var):
            body.captures.setdefault(name, (var, where))
            return True
        return False

    def tracked(self, expr: Expression) -> str | None:
        """The place ``expr`` names if its value is affine or linear."""
        place = self.place(expr)
        if place is None or self.facts.expr_kind(expr) is None:
            return None
        return place

    def whole(self, expr: Expression) -> None:
        """``run(ctx)``, ``return ctx``: a use of the whole object, when
        fields below it are tracked (SPEC 5, Partial moves)."""
        place = self.place(expr)
        if place is not None and self.facts.tracked_fields(self.facts.type_of(expr),
                                                           2 - place.count(".")):
            self.emit(ir.Use(place, site(expr), whole=True))

    def register(self, expr: NameExpr) -> None:
        """``expr`` is bound in the current body: it is one of its locals."""
        if expr.node is not None:
            self.body.vars.add(expr.node)

    # --- statements -------------------------------------------------------------

    def block(self, block: Block | None) -> None:
        """The statements of ``block`` (nothing for an unreachable one)."""
        if block is not None and not block.is_unreachable:
            self.block_statements(block.body)

    def block_statements(self, statements: Iterable[Statement]) -> None:
        """Each statement, after its checkpoint."""
        for statement in statements:
            if isinstance(statement, ClassDef):
                self._class(statement)
            elif isinstance(statement, Block):
                self.block(statement)
            elif not isinstance(statement, _SILENT_STATEMENTS):
                if _may_raise(statement):
                    self.emit(ir.Checkpoint(site(statement)))
                self.statement(statement)

    def statement(self, stmt: Statement) -> None:
        """Dispatch on the statement's class, the most frequent first."""
        if isinstance(stmt, ExpressionStmt):
            self._expression_stmt(stmt)
        elif isinstance(stmt, AssignmentStmt):
            self._assignment(stmt)
        elif isinstance(stmt, ReturnStmt):
            self._return(stmt)
        elif isinstance(stmt, IfStmt):
            self._if(stmt)
        elif isinstance(stmt, ForStmt):
            self._for(stmt)
        elif isinstance(stmt, WithStmt):
            self._with(stmt)
        elif isinstance(stmt, TryStmt):
            self._try(stmt)
        elif isinstance(stmt, WhileStmt):
            self._while(stmt)
        elif isinstance(stmt, OperatorAssignmentStmt):
            self._augmented(stmt)
        elif isinstance(stmt, RaiseStmt):
            self._raise(stmt)
        elif isinstance(stmt, (BreakStmt, ContinueStmt)):
            self.emit(ir.Break(site(stmt)) if isinstance(stmt, BreakStmt) else ir.Continue(
                site(stmt)))
        elif isinstance(stmt, MatchStmt):
            self._match(stmt)
        elif isinstance(stmt, DelStmt):
            self._del(stmt)
        elif isinstance(stmt, AssertStmt):
            self._assert(stmt)
        elif isinstance(stmt, FuncDef):
            self._def(stmt)
        elif isinstance(stmt, Decorator):
            self._def(stmt.func, stmt.decorators)
        elif isinstance(stmt, OverloadedFuncDef) and isinstance(stmt.impl, Decorator):
            self._def(stmt.impl.func, stmt.impl.decorators)
        elif isinstance(stmt, OverloadedFuncDef) and isinstance(stmt.impl, FuncDef):
            self._def(stmt.impl)

    def into(self, nodes: list[ir.Node], block: Block | None) -> None:
        """Lower ``block`` into ``nodes``."""
        with self.body.builder.into(nodes):
            self.block(block)

    def _expression_stmt(self, stmt: ExpressionStmt) -> None:
        expr = stmt.expr
        self.read(expr)
        self._append_task(expr)
        if self._never_returns(expr):
            self.emit(ir.Halt(site(stmt)))
            return
        t = self.facts.type_of(expr)
        if isinstance(expr, (CallExpr, AwaitExpr)) and self.facts.kind(t) is ir.Kind.LINEAR:
            # A linear result never bound leaks at once (BUD004 on this line).
            call = expr.expr if isinstance(expr, AwaitExpr) else expr
            label = how.callee_label(_dotted(call.callee), "") if isinstance(
                call, CallExpr) else ""
            for event in discard(label, site(expr), self.facts.type_name(t)):
                self.emit(event)

    def _append_task(self, expr: Expression) -> None:
        """``tasks.append(w(q, b))``: ``tasks`` holds one more call."""
        if not (isinstance(expr, CallExpr) and isinstance(expr.callee, MemberExpr)
                and isinstance(expr.callee.expr, NameExpr) and expr.callee.name == "append"
                and len(expr.args) == 1 and isinstance(expr.args[0], CallExpr)):
            return
        reaches = self.borrowing_calls.get(expr.args[0])
        if reaches is not None:
            name = expr.callee.expr.name
            self.body.pending[name] = PendingTasks.append(
                self.body.pending.get(name), reaches, self.body.builder.innermost_loop())

    def _never_returns(self, expr: Expression) -> bool:
        """A call typed ``NoReturn``/``Never`` (also awaited)."""
        if isinstance(expr, AwaitExpr):
            expr = expr.expr
        return isinstance(expr, CallExpr) and isinstance(
            get_proper_type(self.facts.type_of(expr)), UninhabitedType)

    def _assignment(self, stmt: AssignmentStmt) -> None:
        value = stmt.rvalue
        if isinstance(value, TempNode):
            return  # ``x: Budget`` declares, binds nothing
        targets = stmt.lvalues
        if len(targets) == 1 and isinstance(targets[0], (TupleExpr, ListExpr)):
            self._unpack(targets[0], value)
            return
        # A closure stored in an object or a container escapes.
        stored = any(not isinstance(target, NameExpr) for target in targets)
        closure = self.define_closure(value, escapes=stored) if isinstance(
            value, LambdaExpr) else None
        source = None if closure is not None else self.value(value)
        if stored and closure is None:
            self._escape_named(value)
        for target in targets:
            self.assign(target, value, source)
            if isinstance(target, NameExpr) and target.node is not None:
                named = closure or self._closure_named(value)
                if named is not None:
                    self.body.closures[target.node] = named
        if len(targets) == 1 and isinstance(targets[0], NameExpr):
            self._hold_tasks(targets[0].name, value)

    def _hold_tasks(self, name: str, value: Expression) -> None:
        """``name = w(q, b)`` or ``name = [w(q, b) for q in qs]``: the local
        holds calls not started yet (:class:`PendingTasks`)."""
        held: PendingTasks | None = None
        if isinstance(value, CallExpr) and value in self.borrowing_calls:
            held = PendingTasks(self.borrowing_calls[value], many=False)
        elif isinstance(value, (ListComprehension, SetComprehension, GeneratorExpr)):
            generator = value if isinstance(value, GeneratorExpr) else value.generator
            element = generator.left_expr
            if isinstance(element, CallExpr) and element in self.borrowing_calls:
                held = PendingTasks.of_comprehension(
                    self.comprehension_loops[generator], self.borrowing_calls[element])
        if held is not None:
            self.body.pending[name] = held

    def value(self, expr: Expression) -> str | None:
        """Evaluate ``expr`` whose value is bound to a name: the tracked
        place it reads (no event: the binding moves it), else ``None``
        after its events."""
        place = self.tracked(expr)
        if place is None:
            self.read(expr)
        return place

    def assign(self, target: Expression, value: Expression, source: str | None) -> None:
        """Bind ``target`` to the value of ``value``, already evaluated;
        ``source`` is the tracked place it was read from, if any."""
        if isinstance(target, NameExpr):
            self.body.pending.pop(target.name, None)
            self.register(target)
            if source is not None:
                self.emit(ir.Transfer(source, target.name, site(target)))
            else:
                self._bind_value(target.name, site(target), self.facts.type_of(value),
                                 obligation=True)
            return
        if isinstance(target, (TupleExpr, ListExpr)):
            self._unpack_bound(target, owned=source is None)
            return
        if isinstance(target, StarExpr):
            self.assign(target.expr, value, None)
            return
        place = self.place(target)
        if isinstance(target, MemberExpr) and place is not None:
            declared = self.facts.field_type(self.facts.type_of(target.expr), target.name)
            if self.facts.kind(declared) is None:
                # A field that is not tracked itself: the value escapes into it.
                if source is not None:
                    self.emit(ir.Move(source, site(value), how.stored_in(place)))
                self.whole(value)
                self.emit(ir.Bind(place, site(target), None))
            elif source is not None:
                self.emit(ir.Transfer(source, place, site(target)))
            else:
                self.whole(value)
                self._bind_value(place, site(target), self.facts.type_of(value),
                                 obligation=False)
            return
        # ``obj.attr = x`` on an untracked object, ``d[k] = x``: stored away.
        if isinstance(target, MemberExpr):
            self.read(target.expr)
            where = _dotted(target) or f"an object's .{target.name}"
        elif isinstance(target, IndexExpr):
            self.read(target.base)
            self.read(target.index)
            container = _dotted(target.base)
            where = f"{container}[...]" if container else "a container"
        else:
            self.read(target)
            return
        if source is not None:
            self.emit(ir.Move(source, site(value), how.stored_in(where)))
        self.whole(value)

    def _bind_value(self, place: str, where: ir.Site, t: Type | None, *, obligation: bool) -> None:
        """``place`` now holds a new value of type ``t``."""
        kind = self.facts.kind(t)
        self.emit(ir.Bind(place, where, kind, obligation=obligation and "." not in place,
                          type_name=self.facts.type_name(t) if kind else ""))
        if place.count(".") < 2:
            self._bind_fields(place, where, t, borrowed=False, entry=False)

    def _unpack(self, target: TupleExpr | ListExpr, value: Expression) -> None:
        """``a, b = x, z``: each element moves into its target at once (a
        swap keeps both live); otherwise each target gets its item's type."""
        if isinstance(value, (TupleExpr, ListExpr)) and len(value.items) == len(
                target.items) and not any(isinstance(t, StarExpr) for t in target.items):
            sources = [self.value(item) for item in value.items]
            for item_target, source in zip(target.items, sources, strict=True):
                if source is not None:
                    label = _dotted(item_target) or "a target"
                    self.emit(ir.Move(source, site(item_target), how.bound_by(label)))
            for item_target, item_value in zip(target.items, value.items, strict=True):
                self.assign(item_target, item_value, None)
            return
        owned = self.tracked(value) is None
        self.read(value)
        self._unpack_bound(target, owned=owned)

    def _unpack_bound(self, target: TupleExpr | ListExpr, *, owned: bool) -> None:
        """Targets of an unpacking whose items are not visible one by one:
        each takes the type mypy gave it. Items unpacked from a place are
        not ``owned``: the place still holds them."""
        for item in target.items:
            if isinstance(item, StarExpr):
                item = item.expr
            if isinstance(item, (TupleExpr, ListExpr)):
                self._unpack_bound(item, owned=owned)
            elif isinstance(item, NameExpr):
                self.register(item)
                self._bind_value(item.name, site(item), self.facts.type_of(item),
                                 obligation=owned)
            else:
                place = self.place(item)
                if place is not None:
                    self._bind_value(place, site(item), self.facts.type_of(item),
                                     obligation=False)
                else:
                    self.read(item)

    def _augmented(self, stmt: OperatorAssignmentStmt) -> None:
        self.read(stmt.rvalue)
        self.read(stmt.lvalue)

    def _return(self, stmt: ReturnStmt) -> None:
        if stmt.expr is not None:
            self.moved_value(stmt.expr, how.RETURNED)
        self.emit(ir.Return(site(stmt)))

    def moved_value(self, expr: Expression, how_text: str) -> None:
        """``expr``'s value leaves the body (returned, yielded, stored): a
        tracked place moves, a closure escapes, a display moves each element."""
        if type(expr) in _DISPLAYS:
            for item in _display_items(expr):
                self.moved_value(item, how_text)
            return
        if isinstance(expr, StarExpr):
            self.read(expr.expr)
            return
        source = self.tracked(expr)
        if source is not None:
            self.emit(ir.Move(source, site(expr), how_text))
        else:
            self.escape(expr)
        self.whole(expr)

    def _if(self, stmt: IfStmt) -> None:
        self._branches(list(zip(stmt.expr, stmt.body, strict=True)), stmt.else_body)

    def _branches(self, arms: list[tuple[Expression, Block]], orelse: Block | None) -> None:
        test, body = arms[0]
        self.read(test)
        none_in_body, none_in_orelse = self._none_tests(test)
        node = self.body.builder.open_if()
        with self.body.builder.into(node.body):
            self._forget(none_in_body, test)
            self.block(body)
        with self.body.builder.into(node.orelse):
            self._forget(none_in_orelse, test)
            if len(arms) > 1:
                self.emit(ir.Checkpoint(site(arms[1][0])))
                self._branches(arms[1:], orelse)
            else:
                self.block(orelse)

    def _none_tests(self, test: Expression) -> tuple[str | None, str | None]:
        """The place a ``None`` test proves empty on each branch: ``x is
        None`` in the body, ``x is not None`` in the else."""
        if not (isinstance(test, ComparisonExpr) and len(test.operators) == 1):
            return None, None
        left, right = test.operands
        if not (isinstance(right, NameExpr) and right.fullname == NONE):
            return None, None
        place = self.place(left)
        operator = test.operators[0]
        if operator == "is":
            return place, None
        return (None, place) if operator == "is not" else (None, None)

    def _forget(self, place: str | None, test: Expression) -> None:
        """A tracked place proved ``None`` on this branch holds nothing."""
        if place is not None and place in self.body.builder.tracked:
            self.emit(ir.Forget(place, site(test)))

    def _while(self, stmt: WhileStmt) -> None:
        loop = self.body.builder.open_loop(can_exit=not _always_true(stmt.expr))
        with self.body.builder.into(loop.head):
            self.read(stmt.expr)
        self.into(loop.body, stmt.body)
        self.into(loop.orelse, stmt.else_body)

    def _for(self, stmt: ForStmt) -> None:
        self.read(stmt.expr)
        loop = self.body.builder.open_loop()
        with self.body.builder.into(loop.body):
            self.bind_target(stmt.index, owned=False)
            self.block(stmt.body)
        self.into(loop.orelse, stmt.else_body)

    def bind_target(self, target: Expression, *, owned: bool) -> None:
        """A loop, comprehension or ``as`` target takes the type mypy gave
        it; an item of a container (``for x in xs``) is not ``owned``: the
        container still holds it, nothing is owed here."""
        if isinstance(target, NameExpr):
            self.register(target)
            self._bind_value(target.name, site(target), self.facts.type_of(target),
                             obligation=owned)
        elif isinstance(target, (TupleExpr, ListExpr)):
            self._unpack_bound(target, owned=owned)
        else:
            self.assign(target, target, None)

    def _try(self, stmt: TryStmt) -> None:
        node = self.body.builder.open_try()
        self.into(node.body, stmt.body)
        for handler, exc_type in zip(stmt.handlers, stmt.types, strict=True):
            entry = ir.Handler()
            node.handlers.append(entry)
            with self.body.builder.into(entry.body):
                if exc_type is not None:
                    self.read(exc_type)
                self.block(handler)
        self.into(node.orelse, stmt.else_body)
        self.into(node.finalbody, stmt.finally_body)

    def _with(self, stmt: WithStmt) -> None:
        self._with_items(list(zip(stmt.expr, stmt.target, strict=True)), stmt)

    def _with_items(self, items: list[tuple[Expression, Expression | None]],
                    stmt: WithStmt) -> None:
        """Each item wraps the rest of the statement in a ``try`` whose
        ``finally`` settles what the item closes (SPEC 4, last row): the
        ``as`` target of an affine or linear context manager, or the
        tracked place itself (``with b:``)."""
        if not items:
            self.block(stmt.body)
            return
        expr, target = items[0]
        source = self.tracked(expr)
        if source is not None:
            self.emit(ir.Use(source, site(expr)))
        else:
            self.read(expr)
        value_type = self.facts.type_of(expr)
        kind = self.facts.kind(value_type)
        closes = kind is not None and self._closes(value_type, stmt.is_async)
        settled = source if closes else None
        if target is not None:
            self.bind_target(target, owned=True)
            target_place = self.place(target)
            if closes and target_place is not None and self.facts.expr_kind(target) is not None:
                settled = target_place
        node = self.body.builder.open_try()
        with self.body.builder.into(node.body):
            self._with_items(items[1:], stmt)
        if settled is not None and kind is not None:
            with self.body.builder.into(node.finalbody):
                self.emit(ir.Settle(settled, site(stmt), how.settled(kind, stmt.line)))

    def _closes(self, t: Type | None, is_async: bool) -> bool:
        """Whether leaving ``with <t>`` consumes the value (``__exit__``)."""
        name = "__aexit__" if is_async else "__exit__"
        return any(info.get_method(name) is not None for info in self.facts.instances(t))

    def _match(self, stmt: MatchStmt) -> None:
        subject = stmt.subject
        source = self.tracked(subject)
        if source is None:
            self.read(subject)
        node = self.body.builder.open_match()
        for pattern, guard, body in zip(stmt.patterns, stmt.guards, stmt.bodies, strict=True):
            case = ir.Case()
            node.cases.append(case)
            with self.body.builder.into(case.body):
                self._pattern(pattern, source, subject)
                if guard is not None:
                    self.read(guard)
                self.block(body)
            if guard is None and _irrefutable(pattern):
                node.exhaustive = True

    def _pattern(self, pattern: Pattern, source: str | None, subject: Expression) -> None:
        """A capture of the subject itself moves it into the new name; other
        patterns borrow it; names captured below bind their own values."""
        if isinstance(pattern, AsPattern) and pattern.name is not None:
            if pattern.pattern is not None:
                self._sub_patterns(pattern.pattern)
            self.register(pattern.name)
            if source is not None:
                self.emit(ir.Transfer(source, pattern.name.name, site(pattern.name)))
            else:
                self._bind_value(pattern.name.name, site(pattern.name),
                                 self.facts.type_of(pattern.name), obligation=True)
            return
        if source is not None and not (isinstance(pattern, AsPattern) and pattern.pattern is None):
            self.emit(ir.Use(source, site(subject)))
        self._sub_patterns(pattern)

    def _sub_patterns(self, pattern: Pattern) -> None:
        """Names captured inside a pattern bind the values they match."""
        for capture in _captures(pattern):
            self.register(capture)
            self._bind_value(capture.name, site(capture), self.facts.type_of(capture),
                             obligation=True)

    def _raise(self, stmt: RaiseStmt) -> None:
        if stmt.expr is not None:
            self.read(stmt.expr)
        if stmt.from_expr is not None:
            self.read(stmt.from_expr)
        self.emit(ir.Raise(site(stmt)))

    def _assert(self, stmt: AssertStmt) -> None:
        self.read(stmt.expr)
        if stmt.msg is not None:
            self.read(stmt.msg)

    def _del(self, stmt: DelStmt) -> None:
        for target in _flat_targets(stmt.expr):
            place = self.tracked(target)
            if place is not None:
                self.emit(ir.Drop(place, site(target)))
            elif isinstance(target, IndexExpr):
                self.read(target.base)
                self.read(target.index)
            elif isinstance(target, MemberExpr):
                self.read(target.expr)

    # --- definitions ------------------------------------------------------------

    def _def(self, func: FuncDef, decorators: Sequence[Expression] = ()) -> None:
        self.read_all(decorators)
        if self.body.parent is None and self.body.function.name == MODULE_BODY:
            if self.with_functions:
                self.function(func, parent=None, is_method=False, consumes_self=False)
            return
        self.body.vars.add(func)
        self.body.closures[func] = self.define_closure(func, escapes=False)

    def _class(self, stmt: ClassDef) -> None:
        """Methods of a class are bodies of their own; the class body is not analysed."""
        if not self.with_functions:
            return
        for item in stmt.defs.body:
            func = item.func if isinstance(item, Decorator) else item
            if isinstance(item, OverloadedFuncDef) and item.impl is not None:
                impl = item.impl
                func = impl.func if isinstance(impl, Decorator) else impl
            if isinstance(func, FuncDef):
                decorators = item.decorators if isinstance(item, Decorator) else []
                is_method = bool(func.arguments) and not func.is_static
                self.function(func, parent=None, is_method=is_method and not func.is_class,
                              consumes_self="self" in consumed_params(decorators))
            elif isinstance(item, ClassDef):
                self._class(item)

    def define_closure(self, func: FuncItem, *, escapes: bool) -> _Closure:
        """Lower a nested body; at its definition, each capture is used, or
        moved if the closure escapes or its body moves it (Rust's ``move``)."""
        nested, captures = self._nested(func)
        closure = _Closure(func.line, captures, escaped=escapes)
        moved = _moved_places(nested.function.body)
        for place, where in captures:
            if escapes or place in moved:
                event: ir.Event = ir.Move(place, where, how.captured(func.line))
            else:
                event = ir.Use(place, where)
            closure.slots.append(self.emit(event))
        return closure

    def _nested(self, func: FuncItem) -> tuple[_Body, list[tuple[str, ir.Site]]]:
        """Lower a lambda or nested def; the places of this body it captures
        (a capture of a capture is this body's capture too)."""
        nested = self.function(func, parent=self.body, is_method=False, consumes_self=False)
        where = site(func)
        return nested, [(place, where) for place, (var, _) in nested.captures.items()
                        if self.resolve(place, var, where)]

    def escape(self, expr: Expression) -> None:
        """``expr``'s value is stored, returned or handed to an owner and is
        not a tracked place: a closure in it escapes; anything else is read."""
        if isinstance(expr, LambdaExpr):
            self.define_closure(expr, escapes=True)
        elif not self._escape_named(expr):
            self.read(expr)

    def _escape_named(self, expr: Expression) -> bool:
        """If ``expr`` names a closure of this body, it escapes: its captures
        move at its definition. Whether it does."""
        closure = self._closure_named(expr)
        if closure is None:
            return False
        if not closure.escaped:
            for slot, (place, where) in zip(closure.slots, closure.captures, strict=True):
                self.body.builder.replace(slot, ir.Move(place, where, how.captured(closure.line)))
            closure.escaped = True
        return True

    def _closure_named(self, expr: Expression) -> _Closure | None:
        if isinstance(expr, NameExpr) and expr.node is not None:
            return self.body.closures.get(expr.node)
        return None

    # --- expressions ------------------------------------------------------------

    def read(self, expr: Expression | None) -> None:
        """Evaluate ``expr`` for its value in place: a tracked place is borrowed."""
        if expr is None:
            return
        place = self.tracked(expr)
        if place is not None:
            self.emit(ir.Use(place, site(expr)))
        elif isinstance(expr, CallExpr):
            self.call(expr)
        elif isinstance(expr, (MemberExpr, UnaryExpr, YieldFromExpr, StarExpr, CastExpr)):
            self.read(expr.expr)
        elif isinstance(expr, OpExpr):
            self._op(expr)
        elif isinstance(expr, ComparisonExpr):
            self.read_all(expr.operands)
        elif isinstance(expr, IndexExpr):
            self.read(expr.base)
            self.read(expr.index)
        elif isinstance(expr, ConditionalExpr):
            self._conditional(expr)
        elif isinstance(expr, AwaitExpr):
            self._await(expr)
        elif isinstance(expr, (ListExpr, TupleExpr, SetExpr, DictExpr)):
            self._display(expr)
        elif isinstance(expr, _COMPREHENSIONS):
            self._comprehension(expr)
        elif isinstance(expr, LambdaExpr):
            self.define_closure(expr, escapes=False)
        elif isinstance(expr, AssignmentExpr):
            self._walrus(expr)
        elif isinstance(expr, YieldExpr):
            self._yield(expr)
        elif isinstance(expr, SliceExpr):
            self.read_all((expr.begin_index, expr.end_index, expr.stride))

    def read_all(self, exprs: Iterable[Expression | None]) -> None:
        """Each of ``exprs``, in order."""
        for expr in exprs:
            self.read(expr)

    def _op(self, expr: OpExpr) -> None:
        self.read(expr.left)
        if expr.op in ("and", "or"):
            node = self.body.builder.open_if()
            with self.body.builder.into(node.body):
                self.read(expr.right)
        else:
            self.read(expr.right)

    def _conditional(self, expr: ConditionalExpr) -> None:
        self.read(expr.cond)
        node = self.body.builder.open_if()
        with self.body.builder.into(node.body):
            self.read(expr.if_expr)
        with self.body.builder.into(node.orelse):
            self.read(expr.else_expr)

    def _await(self, expr: AwaitExpr) -> None:
        inner = expr.expr
        if isinstance(inner, CallExpr):
            self.call(inner, awaited=True)
        else:
            self.read(inner)

    def _walrus(self, expr: AssignmentExpr) -> None:
        source = self.value(expr.value)
        self.assign(expr.target, expr.value, source)

    def _yield(self, expr: YieldExpr) -> None:
        if expr.expr is not None:
            self.moved_value(expr.expr, how.YIELDED)

    def _display(self, expr: Expression) -> None:
        """``[x]``, ``(x,)``, ``{k: x}``, ``{x}``: each element is stored."""
        text = how.stored_in_display(_DISPLAYS[type(expr)])
        if isinstance(expr, DictExpr):
            for key, item in expr.items:
                self.read(key)
                self.moved_value(item, text)
            return
        for item in _display_items(expr):
            self.moved_value(item, text)

    def _comprehension(self, expr: Expression) -> None:
        """A comprehension: its first iterable, then a loop whose body binds
        the targets, tests the conditions and evaluates the element."""
        generator = _generator(expr)
        self.read(generator.sequences[0])
        self._generator_level(generator, 0)

    def _generator_level(self, generator: _Generator, level: int) -> None:
        if level == len(generator.sequences):
            task = self.task_elements.pop(generator, None)
            if isinstance(generator, DictionaryComprehension):
                self.read(generator.key)
                self.moved_value(generator.value, how.stored_in_display(how.Display.DICT))
            elif task is not None and isinstance(generator.left_expr, CallExpr):
                self._task_call(generator.left_expr, task)
                if not task.runs_in_task:
                    self._element(generator.left_expr)
            else:
                self._element(generator.left_expr)
            return
        if level > 0:
            self.read(generator.sequences[level])
        loop = self.body.builder.open_loop()
        if level == 0:
            self.comprehension_loops[generator] = loop
        with self.body.builder.into(loop.body):
            self.bind_target(generator.indices[level], owned=False)
            self._conditions(generator, level, list(generator.condlists[level]))

    def _conditions(self, generator: _Generator, level: int,
                    conditions: list[Expression]) -> None:
        if not conditions:
            self._generator_level(generator, level + 1)
            return
        self.read(conditions[0])
        node = self.body.builder.open_if()
        with self.body.builder.into(node.body):
            self._conditions(generator, level, conditions[1:])

    def _element(self, element: Expression) -> None:
        """A comprehension's element is stored in what it builds."""
        self.moved_value(element, how.stored_in_display(how.Display.LIST))

    # --- calls ------------------------------------------------------------------

    def call(self, expr: CallExpr, *, awaited: bool = False) -> None:
        """A call: the receiver, the arguments in order, then what the call
        does to them (SPEC 5, Calls); a spawner's sends; a mint."""
        callee = self.facts.callee(expr)
        target = callee.receiver
        if isinstance(target, CallExpr) and is_join(callee.name):
            # ``pool.submit(f, b).result()`` waits for the task in the same expression.
            self.call(target, awaited=True)
            self._arguments(expr, callee, None)
            return
        receiver = self._receiver(expr, callee)
        self._arguments(expr, callee, receiver, awaited=awaited)

    def _receiver(self, expr: CallExpr, callee: Callee) -> str | None:
        """Evaluate what the callee is called on; the tracked place, if any."""
        target = callee.receiver
        if target is None:
            if not isinstance(expr.callee, RefExpr):
                self.read(expr.callee)
            elif isinstance(expr.callee, MemberExpr):
                self.read(expr.callee.expr)
            return None
        place = self.tracked(target)
        if place is None:
            self.read(target)
        return place

    def _arguments(self, expr: CallExpr, callee: Callee, receiver: str | None, *,
                   awaited: bool = False) -> None:
        model = callee.model
        label = how.callee_label(_dotted(expr.callee), callee.name)
        effect = receiver_effect_of(model) if model is not None and callee.bound else Effect.BORROW
        if receiver is not None:
            assert callee.receiver is not None
            if effect is Effect.COPY:
                self.emit(ir.Copy(receiver, site(callee.receiver), how.called(callee.name)))
            elif effect is not Effect.CONSUME:
                self.emit(ir.Use(receiver, site(callee.receiver)))
        shapes = [ArgShape(_ARG_FORMS.get(kind, ArgForm.POSITIONAL), name)
                  for kind, name in zip(expr.arg_kinds, expr.arg_names, strict=True)]
        params = bind_arguments(model.params, shapes, bound=callee.bound) if model else [
            None] * len(shapes)
        spec = model.spawns if model is not None else None
        later: list[ir.Event] = []
        spawned: list[SpawnArg] = []
        # A coroutine made here and started later holds what it borrows.
        borrows: list[Reach] | None = (
            [] if model is not None and model.is_async and not awaited else None
        )
        for arg, kind, param in zip(expr.args, expr.arg_kinds, params, strict=True):
            if spec is not None and param is not None and param.name in spec.params:
                spawned.append(self._spawn_arg(arg, param, star=kind == ARG_STAR))
                continue
            arg_effect = param_effect(self.facts.index, model, param, callee.owner) if (
                model is not None) else Effect.BORROW
            place = self.tracked(arg)
            if borrows is not None and arg_effect is Effect.BORROW and place is not None and (
                    kind != ARG_STAR):
                borrows.append(Reach(place, site(arg)))
            self._argument(arg, arg_effect, callee.name, label, later)
        if borrows:
            self.borrowing_calls[expr] = tuple(borrows)
        for event in later:
            self.emit(event)
        if spec is not None:
            text = how.sent_to(label)
            for send in plan_sends(spec, spawned):
                self.emit(ir.Send(send.place, send.site, text, fanout=send.fanout,
                                  awaited=awaited or spec.joined))
        if receiver is not None and effect is Effect.CONSUME:
            assert callee.receiver is not None
            self.emit(ir.Move(receiver, site(callee.receiver), how.called(callee.name),
                              consume=True))
        if callee.mint:
            self.emit(ir.Mint(site(expr), callee.mint))

    def _argument(self, arg: Expression, effect: Effect, name: str, label: str,
                  later: list[ir.Event]) -> None:
        """One argument: read, or moved/consumed once all are evaluated."""
        place = self.tracked(arg)
        if place is None:
            if effect in (Effect.MOVE, Effect.CONSUME):
                self.escape(arg)
            else:
                self.read(arg)
            self.whole(arg)
            return
        where = site(arg)
        self.whole(arg)
        if effect is Effect.MOVE:
            later.append(ir.Move(place, where, how.passed_to(label)))
        elif effect is Effect.CONSUME:
            later.append(ir.Move(place, where, how.called(name), consume=True))
        elif effect is Effect.COPY:
            self.emit(ir.Copy(place, where, how.called(label)))
        else:
            self.emit(ir.Use(place, where))

    def _spawn_arg(self, arg: Expression, param: Param, *, star: bool) -> SpawnArg:
        """Classify an argument of a spawning parameter and list what it
        hands to the task (SPEC 5, Spawning); its other parts are read."""
        place = self.tracked(arg)
        if place is not None:
            return SpawnArg(param, Shape.PLACE, (Reach(place, site(arg)),))
        if isinstance(arg, NameExpr) and arg.name in self.body.pending:
            self.read(arg)
            return self.body.pending.pop(arg.name).spawn_arg(param, site(arg), star=star)
        if star and isinstance(arg, _COMPREHENSIONS):
            # Lowered aside: what the tasks touch is read off its events.
            each = self.task_elements[_generator(arg)] = TaskCall(param)
            scratch: list[ir.Node] = []
            with self.body.builder.into(scratch):
                self.read(arg)
            return SpawnArg(param, Shape.COMPREHENSION, comprehension_reaches(scratch, each))
        if isinstance(arg, CallExpr) and not star:
            task = TaskCall(param)
            self._task_call(arg, task)
            if task.runs_in_task:
                return SpawnArg(param, Shape.CALL, tuple(task.reaches))
        if type(arg) in _DISPLAYS:
            return SpawnArg(param, Shape.DISPLAY, tuple(self._display_reaches(arg)))
        if isinstance(arg, LambdaExpr):
            # Sent, not defined here: no events at the definition.
            return SpawnArg(param, Shape.CLOSURE, tuple(
                Reach(place, site(arg)) for place, _ in self._nested(arg)[1]))
        closure_named = self._closure_named(arg)
        if closure_named is not None:
            return SpawnArg(param, Shape.CLOSURE, tuple(
                Reach(p, site(arg)) for p, _ in closure_named.captures))
        self.read(arg)
        return SpawnArg(param, Shape.OTHER)

    def _task_call(self, call: CallExpr, task: TaskCall) -> None:
        """A call handed to a spawner: if it is what the task runs, collect
        the places passed directly to it into ``task`` (reading the rest);
        otherwise leave it to the caller to lower as an ordinary value."""
        model = self.facts.callee(call).model
        task.runs_in_task = runs_in_task(
            task.param, callee_is_async=model is not None and model.is_async
        )
        if task.runs_in_task:
            task.reaches.extend(self._call_reaches(call))

    def _call_reaches(self, call: CallExpr) -> Iterator[Reach]:
        """``w(q, b)`` handed to a spawner: the places passed directly to it
        and its receiver; everything else in it is read here."""
        callee = call.callee
        if isinstance(callee, MemberExpr) and not _is_module(callee.expr):
            place = self.tracked(callee.expr)
            if place is not None:
                yield Reach(place, site(callee.expr))
            else:
                self.read(callee.expr)
        elif not isinstance(callee, RefExpr):
            self.read(callee)
        for arg in call.args:
            place = self.tracked(arg)
            if place is not None:
                yield Reach(place, site(arg))
            else:
                self.read(arg)

    def _display_reaches(self, display: Expression) -> Iterator[Reach]:
        for item in _display_items(display):
            place = self.tracked(item)
            if place is not None:
                yield Reach(place, site(item))
            else:
                self.read(item)


def lower_module(file: MypyFile, facts: MypyFacts, path: str) -> ir.Unit:
    """The ownership IR of a type-checked module."""
    return ModuleLowering(file, facts, path).lower()


def lower_target(file: MypyFile, target: FuncDef | None, facts: MypyFacts, path: str) -> ir.Unit:
    """The ownership IR of one ``dmypy`` target (see :meth:`ModuleLowering.lower_target`)."""
    return ModuleLowering(file, facts, path).lower_target(target)


# --- helpers ----------------------------------------------------------------------


def _is_module(expr: Expression) -> bool:
    """``asyncio`` in ``asyncio.create_task``: a module, not an object."""
    return isinstance(expr, RefExpr) and isinstance(expr.node, MypyFile)


def _generator(expr: Expression) -> _Generator:
    """The generator clauses of a comprehension."""
    if isinstance(expr, (ListComprehension, SetComprehension)):
        return expr.generator
    assert isinstance(expr, (GeneratorExpr, DictionaryComprehension))
    return expr


def _may_raise(stmt: Statement) -> bool:
    """Whether an exception can leave from inside ``stmt``: not from
    ``break``, ``continue``, nor a ``return`` of nothing, a name or a
    constant (as the libcst front end decides)."""
    if isinstance(stmt, (BreakStmt, ContinueStmt)):
        return False
    return not (isinstance(stmt, ReturnStmt) and (stmt.expr is None or isinstance(
        stmt.expr, (NameExpr, StrExpr, BytesExpr, IntExpr, FloatExpr, EllipsisExpr))))


def _dotted(expr: Expression) -> str | None:
    """``self.pool.submit`` for a chain of names, ``None`` otherwise."""
    if isinstance(expr, NameExpr):
        return expr.name
    if isinstance(expr, MemberExpr):
        head = _dotted(expr.expr)
        return None if head is None else f"{head}.{expr.name}"
    return None


def _display_items(expr: Expression) -> list[Expression]:
    if isinstance(expr, DictExpr):
        return [value for _, value in expr.items]
    items: list[Expression] = expr.items  # type: ignore[attr-defined]
    return items


def _flat_targets(expr: Expression) -> Iterator[Expression]:
    if isinstance(expr, (TupleExpr, ListExpr)):
        for item in expr.items:
            yield from _flat_targets(item)
    else:
        yield expr


def _always_true(expr: Expression) -> bool:
    """``while True`` / ``while 1``: only ``break`` leaves the loop."""
    if isinstance(expr, NameExpr):
        return expr.fullname == "builtins.True"
    return isinstance(expr, IntExpr) and expr.value != 0


def _irrefutable(pattern: Pattern) -> bool:
    if isinstance(pattern, AsPattern):
        return pattern.pattern is None or _irrefutable(pattern.pattern)
    if isinstance(pattern, OrPattern):
        return any(_irrefutable(p) for p in pattern.patterns)
    return False


def _captures(pattern: Pattern) -> Iterator[NameExpr]:
    """Names bound by the sub-patterns of ``pattern`` (not the top capture)."""
    if isinstance(pattern, AsPattern):
        if pattern.pattern is not None:
            yield from _captures(pattern.pattern)
        if pattern.name is not None:
            yield pattern.name
    elif isinstance(pattern, OrPattern):
        for item in pattern.patterns:
            yield from _captures(item)
    elif isinstance(pattern, ClassPattern):
        for item in (*pattern.positionals, *pattern.keyword_values):
            yield from _captures(item)
    elif isinstance(pattern, SequencePattern):
        for item in pattern.patterns:
            yield from _captures(item)
    elif isinstance(pattern, StarredPattern):
        if pattern.capture is not None:
            yield pattern.capture
    elif isinstance(pattern, MappingPattern):
        for item in pattern.values:
            yield from _captures(item)
        if pattern.rest is not None:
            yield pattern.rest


def _moved_places(nodes: list[ir.Node]) -> set[str]:
    """Places a body moves, consumes, sends or transfers away (anywhere in it)."""
    found: set[str] = set()
    for node in _walk_ir(nodes):
        if isinstance(node, (ir.Move, ir.Send)):
            found.add(node.place)
        elif isinstance(node, ir.Transfer):
            found.add(node.src)
    return found


def _walk_ir(nodes: list[ir.Node]) -> Iterator[ir.Node]:
    for node in nodes:
        yield node
        if isinstance(node, ir.If):
            yield from _walk_ir(node.body)
            yield from _walk_ir(node.orelse)
        elif isinstance(node, ir.Loop):
            yield from _walk_ir(node.head)
            yield from _walk_ir(node.body)
            yield from _walk_ir(node.orelse)
        elif isinstance(node, ir.Try):
            yield from _walk_ir(node.body)
            for handler in node.handlers:
                yield from _walk_ir(handler.body)
            yield from _walk_ir(node.orelse)
            yield from _walk_ir(node.finalbody)
        elif isinstance(node, ir.Match):
            for case in node.cases:
                yield from _walk_ir(case.body)
