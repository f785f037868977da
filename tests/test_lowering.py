"""The walker's IR (model facts) for small snippets, and the shared lowering helpers.

Each snippet test lowers a few lines and compares a readable dump of one
body's IR (:func:`budgetlint.lowering.dump.dump_nodes`) with what SPEC 4
and 5 say the constructs do. The corpus checks the findings end to end;
these tests pin the events, their order and their sites.
"""

from __future__ import annotations

import ast
import textwrap

import pytest

from budgetlint.checking.source import lower_source
from budgetlint.config import Settings
from budgetlint.engine import ir
from budgetlint.lowering.builder import Builder
from budgetlint.lowering.calls import ArgForm, ArgShape, bind_arguments, constructor
from budgetlint.lowering.dump import dump, dump_nodes
from budgetlint.lowering.spawns import (
    PendingTasks,
    Reach,
    Shape,
    SpawnArg,
    TaskCall,
    comprehension_reaches,
    plan_sends,
)
from budgetlint.models.extract import extract_module
from budgetlint.models.index import ModelIndex, load_index
from budgetlint.models.types import Param, ParamKind, SpawnSpec, TypeRef
from budgetlint.rules.findings import analyze

HEADER = "from budgetlint import Borrowed, Budget, Reservation\n"


@pytest.fixture(scope="module")
def index() -> ModelIndex:
    return load_index(Settings())


def lower(index: ModelIndex, code: str) -> ir.Unit:
    return lower_source(HEADER + textwrap.dedent(code), "case.py", "case", index)


def body(index: ModelIndex, code: str, name: str = "f", *, checkpoints: bool = False) -> str:
    """The dump of the body called ``name``; the snippet starts on line 2."""
    unit = lower(index, code)
    function = next(f for f in unit.functions if f.name == name)
    return dump_nodes(function.body, checkpoints=checkpoints)


def expect(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


# --- bodies -------------------------------------------------------------------


def test_every_body_is_a_function(index: ModelIndex) -> None:
    unit = lower(
        index,
        """\
        from budgetlint import consumes, linear
        @linear
        class Lease:
            @consumes
            def give_back(self) -> None: ...
            @staticmethod
            def make() -> None: ...
        def f(b: Budget) -> None:
            def g() -> None: ...
            h = lambda: 1
        """,
    )
    assert dump(unit) == expect(
        """\
        def <module> @1:0
        def Lease.give_back [method] [consumes-self] @6:4
        def Lease.make @8:4
        def f @9:0
          bind b affine Budget @9:6
        def f.g @10:4
        def f.<lambda> @11:8
        """
    )


def test_parameters_bound_at_entry(index: ModelIndex) -> None:
    code = "def f(b: Budget, r: Reservation, lent: Borrowed[Budget], n: int, *bs: Budget): ..."
    assert body(index, code) == expect(
        """\
        bind b affine Budget @2:6
        bind r linear Reservation @2:17
        bind lent affine Budget borrowed no-obligation @2:33
        """
    )


def test_checkpoints_start_statements_that_can_raise(index: ModelIndex) -> None:
    code = """\
    def f(b: Budget, r: Reservation) -> int:
        for _ in range(3):
            try:
                r.commit(usd=1)
                break
            except TimeoutError:
                pass
        return 0
    """
    assert body(index, code, checkpoints=True) == expect(
        """\
        bind b affine Budget @2:6
        bind r linear Reservation @2:17
        checkpoint @3:4
        loop:
          body:
            checkpoint @4:8
            try:
              checkpoint @5:12
              move r (commit()) consume @5:12
              break @6:12
            except:
        return @9:4
        """
    )


# --- moves, borrows, copies ------------------------------------------------------


def test_consuming_call_moves_after_its_arguments(index: ModelIndex) -> None:
    code = """\
    def run(budget: Budget, allowance: object) -> None: ...
    def f(b: Budget) -> None:
        owner = b.delegate()
        run(owner, owner.remaining)
        child = owner.split(usd=1)
        owner.reclaim(child)
    """
    assert body(index, code) == expect(
        """\
        bind b affine Budget @3:6
        move b (delegate()) consume @4:12
        bind owner affine Budget @4:4
        use owner @5:15
        move owner (passed to run()) @5:8
        use owner @6:12
        bind child affine Budget @6:4
        use owner @7:4
        move child (reclaim()) consume @7:18
        """
    )


def test_parameter_effects(index: ModelIndex) -> None:
    code = """\
    from typing import Any
    def owns(a: Budget, b: Budget | None) -> None: ...
    def lends(a: Borrowed[Budget], b: Any, c: object, d) -> None: ...
    def f(b: Budget) -> None:
        owns(b, b)
        lends(b, b, c=b, d=b)
        unknown(b)
        print(b)
    """
    assert body(index, code) == expect(
        """\
        bind b affine Budget @5:6
        move b (passed to owns()) @6:9
        move b (passed to owns()) @6:12
        use b @7:10
        use b @7:13
        use b @7:18
        use b @7:23
        use b @8:12
        use b @9:10
        """
    )


def test_copies(index: ModelIndex) -> None:
    code = """\
    import copy
    from copy import deepcopy as deep
    def f(b: Budget) -> None:
        copy.copy(b)
        deep(b)
        b.__copy__()
        copy.copy(b.remaining)
    """
    assert body(index, code) == expect(
        """\
        bind b affine Budget @4:6
        copy b (copy.copy()) @5:14
        copy b (deep()) @6:9
        copy b (__copy__()) @7:4
        use b @8:14
        """
    )


def test_assignment_moves_and_rebinding(index: ModelIndex) -> None:
    code = """\
    def f(b: Budget) -> None:
        c = b
        d: Budget = c
        c = 1
        n = 2
        e = make()
    """
    assert body(index, code) == expect(
        """\
        bind b affine Budget @2:6
        transfer b -> c @3:8
        transfer c -> d @4:16
        bind c none @5:4
        """
    )


def test_annotation_types_an_unknown_value(index: ModelIndex) -> None:
    code = """\
    def f() -> None:
        r: Reservation = make()
        s: Reservation | None = None
    """
    assert body(index, code) == expect(
        """\
        bind r linear Reservation @3:4
        """
    )


def test_swap_reads_every_source_before_binding(index: ModelIndex) -> None:
    code = """\
    def f(a: Budget, c: Budget, label: str) -> None:
        a, c = c, a
        mine, name = a, label
    """
    assert body(index, code) == expect(
        """\
        bind a affine Budget @2:6
        bind c affine Budget @2:17
        move c (moved into a) @3:11
        move a (moved into c) @3:14
        bind a affine Budget @3:4
        bind c affine Budget @3:7
        transfer a -> mine @4:17
        """
    )


def test_unpacking_binds_each_element_type(index: ModelIndex) -> None:
    code = """\
    def f(b: Budget) -> None:
        left, right = b.split_even(2)
    """
    assert body(index, code) == expect(
        """\
        bind b affine Budget @2:6
        use b @3:18
        bind left affine Budget @3:4
        bind right affine Budget @3:10
        """
    )


def test_conditional_value_flows_into_the_assignment(index: ModelIndex) -> None:
    code = """\
    def f(a: Budget | None, ok: bool) -> None:
        x = a if ok else Budget(usd=1)
        y = x or Budget(usd=2)
    """
    assert body(index, code) == expect(
        """\
        bind a affine Budget @2:6
        if:
          transfer a -> x @3:8
        else:
          mint Budget @3:21
          bind x affine Budget @3:4
        use x @4:8
        if:
          transfer x -> y @4:8
        else:
          mint Budget @4:13
          bind y affine Budget @4:4
        """
    )


def test_return_yield_and_displays(index: ModelIndex) -> None:
    code = """\
    def f(a: Budget, c: Budget) -> object:
        pair = [a]
        table = {"k": c}
        yield a
        return a, c
    """
    assert body(index, code) == expect(
        """\
        bind a affine Budget @2:6
        bind c affine Budget @2:17
        move a (stored in a list) @3:12
        move c (stored in a dict) @4:18
        move a (yielded) @5:10
        move a (returned) @6:11
        move c (returned) @6:14
        return @6:4
        """
    )


def test_stores_into_objects_and_containers(index: ModelIndex) -> None:
    code = """\
    class Holder:
        budget: Budget | None = None
    def f(b: Budget, c: Budget, holder: Holder, pool: list[Budget], d: dict[str, Budget]) -> None:
        holder.budget = b
        holder.other = c
        d["k"] = holder.budget
        pool.append(b)
        holder.budget = None
    """
    assert body(index, code) == expect(
        """\
        bind b affine Budget @4:6
        bind c affine Budget @4:17
        bind holder.budget affine Budget no-obligation @4:28
        transfer b -> holder.budget @5:20
        move c (stored in holder.other) @6:19
        move holder.budget (stored in d[...]) @7:13
        move b (append()) consume @8:16
        bind holder.budget none @9:4
        """
    )


def test_fields_of_objects_and_whole_uses(index: ModelIndex) -> None:
    code = """\
    from dataclasses import dataclass
    @dataclass
    class Ctx:
        budget: Budget
        name: str
    def run(ctx: Ctx) -> None: ...
    def f(ctx: Ctx, b: Budget) -> None:
        mine = ctx.budget
        print(ctx.name)
        run(ctx)
        other = Ctx(name="x", budget=b)
    """
    assert body(index, code) == expect(
        """\
        bind ctx.budget affine Budget no-obligation @8:6
        bind b affine Budget @8:16
        transfer ctx.budget -> mine @9:11
        use ctx whole @11:8
        move b (passed to Ctx()) @12:33
        bind other none @12:4
        bind other.budget affine Budget no-obligation @12:4
        """
    )


def test_methods_track_fields_of_self(index: ModelIndex) -> None:
    code = """\
    class Agent:
        def __init__(self, budget: Budget) -> None:
            self.budget = budget
        def step(self) -> None:
            self.budget.spend(usd=1)
    """
    assert body(index, code, "Agent.__init__") == expect(
        """\
        bind self.budget affine Budget no-obligation @3:17
        bind budget affine Budget @3:23
        transfer budget -> self.budget @4:22
        """
    )
    assert body(index, code, "Agent.step") == expect(
        """\
        bind self.budget affine Budget no-obligation @5:13
        use self.budget @6:8
        """
    )


def test_untyped_values_get_no_events(index: ModelIndex) -> None:
    code = """\
    def f(registry: dict[str, Budget], pool: list[Budget]) -> None:
        x = make()
        x.delegate()
        y = registry.pop("k")
        y.delegate()
        pool[0].delegate()
    """
    assert body(index, code) == ""


def test_del_drops_and_a_discarded_linear_value_leaks(index: ModelIndex) -> None:
    code = """\
    def f(b: Budget) -> None:
        b.reserve(usd=1)
        del b
    """
    assert body(index, code) == expect(
        """\
        bind b affine Budget @2:6
        use b @3:4
        bind result of b.reserve() linear Reservation @3:4
        drop result of b.reserve() @3:4
        drop b @4:8
        """
    )


def test_noreturn_call_halts(index: ModelIndex) -> None:
    code = """\
    import sys
    def f(r: Reservation) -> None:
        sys.exit(1)
    """
    assert body(index, code) == expect(
        """\
        bind r linear Reservation @3:6
        halt @4:4
        """
    )


# --- control flow ---------------------------------------------------------------


def test_loops(index: ModelIndex) -> None:
    code = """\
    def f(kids: list[Budget], ok: bool) -> None:
        while True:
            if ok:
                break
        for kid in kids:
            kid.spend(usd=1)
        else:
            ok = False
    """
    assert body(index, code) == expect(
        """\
        loop [no-exit]:
          body:
            if:
              break @5:12
        loop:
          body:
            bind kid affine Budget no-obligation @6:8
            use kid @7:8
          else:
        """
    )


def test_match_capture_moves_the_subject(index: ModelIndex) -> None:
    code = """\
    def f(b: Budget) -> None:
        match b:
            case Budget() as kept:
                pass
            case other:
                pass
    """
    assert body(index, code) == expect(
        """\
        bind b affine Budget @2:6
        use b @3:10
        match [exhaustive]:
          case:
            use b @3:10
            transfer b -> kept @3:10
          case:
            transfer b -> other @3:10
        """
    )


def test_with_settles_what_it_holds(index: ModelIndex) -> None:
    code = """\
    def f(b: Budget) -> None:
        with b.reserve(usd=1) as r:
            r.commit(usd=1)
        with Budget(usd=1) as scoped, b:
            pass
    """
    assert body(index, code) == expect(
        """\
        bind b affine Budget @2:6
        use b @3:9
        bind r linear Reservation @3:29
        try:
          move r (commit()) consume @4:8
        finally:
          settle r (released at end of with block (line 3)) @3:4
        mint Budget @5:9
        bind scoped affine Budget @5:26
        try:
          use b @5:34
          try:
          finally:
            settle b (closed at end of with block (line 5)) @5:4
        finally:
          settle scoped (closed at end of with block (line 5)) @5:4
        """
    )


def test_comprehension_is_a_loop_with_its_own_targets(index: ModelIndex) -> None:
    code = """\
    def run(q: str, b: Budget) -> str: ...
    def f(b: Budget, kids: list[Budget], qs: list[str]) -> None:
        [run(q, b) for q in qs if q]
        [b for b in kids]
    """
    assert body(index, code) == expect(
        """\
        bind b affine Budget @3:6
        loop:
          body:
            if:
              move b (passed to run()) @4:12
        loop:
          body:
            bind b'1 affine Budget no-obligation @5:11
            move b'1 (stored in a list) @5:5
        """
    )


# --- spawners ---------------------------------------------------------------------


def test_spawner_sends(index: ModelIndex) -> None:
    code = """\
    import asyncio
    import threading
    from concurrent.futures import Executor
    async def w(q: str, b: Budget) -> None: ...
    def work(b: Budget) -> None: ...
    async def f(b: Budget, pool: Executor, qs: list[str]) -> None:
        task = asyncio.create_task(w("a", b))
        await asyncio.create_task(w("a", b))
        pool.submit(work, b).result()
        pool.submit(work, b.split(usd=1))
        threading.Thread(target=work, args=(b,))
    """
    assert body(index, code) == expect(
        """\
        bind b affine Budget @7:12
        send b (sent to asyncio.create_task()) @8:38
        send b (sent to asyncio.create_task()) awaited @9:37
        send b (sent to pool.submit()) awaited @10:22
        use b @11:22
        send b (sent to threading.Thread()) @12:40
        """
    )


def test_fan_out_within_one_call(index: ModelIndex) -> None:
    code = """\
    import asyncio
    from concurrent.futures import Executor
    async def w(q: str, b: Budget) -> None: ...
    def work(q: str, b: Budget) -> None: ...
    async def f(b: Budget, c: Budget, pool: Executor, qs: list[str]) -> None:
        await asyncio.gather(w("a", b), w("b", c), w("c", b))
        await asyncio.gather(*[w(q, b) for q in qs])
        pool.map(lambda q: work(q, c), qs)
    """
    assert body(index, code) == expect(
        """\
        bind b affine Budget @6:12
        bind c affine Budget @6:23
        send c (sent to asyncio.gather()) awaited @7:43
        send b (sent to asyncio.gather()) fanout awaited @7:54
        send b (sent to asyncio.gather()) fanout awaited @8:32
        send c (sent to pool.map()) fanout @9:13
        """
    )


# --- closures ---------------------------------------------------------------------


def test_closures_borrow_move_or_send_their_captures(index: ModelIndex) -> None:
    code = """\
    import threading
    def own(b: Budget) -> None: ...
    def retry(action: object) -> None: ...
    def f(b: Budget) -> object:
        retry(lambda: b.spend(usd=1))
        later = lambda: own(b)
        def charge() -> None:
            b.spend(usd=1)
        threading.Thread(target=charge)
        charge()
        return charge
    """
    assert body(index, code) == expect(
        """\
        bind b affine Budget @5:6
        use b @6:10
        move b (captured by closure at line 7) @7:12
        move b (captured by closure at line 8) @8:4
        send b (sent to threading.Thread()) @10:28
        use b @11:4
        return @12:4
        """
    )
    assert body(index, code, "f.charge") == expect(
        """\
        bind b affine Budget no-obligation @8:4
        use b @9:8
        """
    )


def test_local_import_resolves_callees(index: ModelIndex) -> None:
    code = """\
    def f(b: Budget) -> None:
        import copy as c
        c.copy(b)
    """
    assert body(index, code) == expect(
        """\
        bind b affine Budget @2:6
        copy b (c.copy()) @4:11
        """
    )


# --- shared helpers -----------------------------------------------------------------


def _params(*names: str, var: str | None = None) -> tuple[Param, ...]:
    params = [Param(n, ParamKind.POSITIONAL_OR_KEYWORD) for n in names]
    if var is not None:
        params.append(Param(var, ParamKind.VAR_POSITIONAL))
    return tuple(params)


def test_bind_arguments() -> None:
    params = (*_params("self", "a", "b", var="rest"), Param("k", ParamKind.KEYWORD_ONLY))
    pos, star = ArgShape(ArgForm.POSITIONAL), ArgShape(ArgForm.STAR)
    names = [
        p.name if p else None
        for p in bind_arguments(
            params, [pos, ArgShape(ArgForm.KEYWORD, "k"), pos, pos, pos], bound=True
        )
    ]
    assert names == ["a", "k", "b", "rest", "rest"]
    after_star = bind_arguments(params, [star, pos, ArgShape(ArgForm.KEYWORD, "b")], bound=True)
    assert [p.name if p else None for p in after_star] == [None, None, "b"]
    gathered = bind_arguments(_params(var="coros"), [star], bound=False)
    assert [p.name if p else None for p in gathered] == ["coros"]


def test_plan_sends() -> None:
    site = ir.Site
    coros = Param("coros", ParamKind.VAR_POSITIONAL)
    gather = SpawnSpec(("coros",), ("coros",))
    sends = plan_sends(
        gather,
        [
            SpawnArg(coros, Shape.CALL, (Reach("b", site(1, 1)), Reach("b", site(1, 2)))),
            SpawnArg(coros, Shape.CALL, (Reach("c", site(1, 3)),)),
            SpawnArg(coros, Shape.CALL, (Reach("b", site(1, 4)),)),
        ],
    )
    assert [(s.place, s.site.col, s.fanout) for s in sends] == [("c", 3, False), ("b", 4, True)]
    fn = Param("fn", ParamKind.POSITIONAL_OR_KEYWORD)
    closure = SpawnArg(fn, Shape.CLOSURE, (Reach("b", site(2, 0)),))
    mapped = plan_sends(SpawnSpec(("fn",), ("fn",)), [closure])
    assert [(s.place, s.fanout) for s in mapped] == [("b", True)]


def test_comprehension_reaches_leave_out_what_the_block_binds() -> None:
    site = ir.Site(1, 0)
    block: list[ir.Node] = [
        ir.Loop(body=[ir.Bind("k", site, ir.Kind.AFFINE), ir.Move("k", site, "x"),
                      ir.Use("b", site), ir.Use("k.x", site)]),
    ]
    assert comprehension_reaches(block, None) == (Reach("b", site),)


def test_a_task_element_reaches_only_what_is_passed_to_it() -> None:
    # *[w(k, c) for k in kids] with b read (b.split()) on the way: the tasks
    # hold c, and each its own k; b stays here.
    site = ir.Site(1, 0)
    block: list[ir.Node] = [
        ir.Loop(body=[ir.Bind("k", site, ir.Kind.AFFINE), ir.Use("b", site)]),
    ]
    fn = Param("coros", ParamKind.VAR_POSITIONAL)
    element = TaskCall(fn, runs_in_task=True, reaches=[Reach("k", site), Reach("c", site)])
    assert comprehension_reaches(block, element) == (Reach("c", site),)
    element.runs_in_task = False
    assert comprehension_reaches(block, element) == (Reach("b", site),)


def test_builder_prunes_rebinds_of_untracked_places() -> None:
    site = ir.Site(1, 0)
    builder = Builder()
    builder.emit(ir.Bind("n", site, None))
    branch = builder.open_if()
    with builder.into(branch.body):
        builder.emit(ir.Bind("ctx", site, None))
        builder.emit(ir.Bind("ctx.budget", site, ir.Kind.AFFINE))
    slot = builder.emit(ir.Use("ctx.budget", site))
    builder.replace(slot, ir.Move("ctx.budget", site, "returned"))
    assert dump_nodes(builder.finish([])) == expect(
        """\
        if:
          bind ctx none @1:0
          bind ctx.budget affine @1:0
        move ctx.budget (returned) @1:0
        """
    )


def test_constructor_of_a_dataclass_takes_its_fields(index: ModelIndex) -> None:
    source = """\
    from dataclasses import dataclass
    from budgetlint import Budget
    @dataclass
    class Base:
        name: str
    @dataclass
    class Job(Base):
        budget: Budget
    """
    jobs = extract_module(ast.parse(textwrap.dedent(source)), "jobs")
    init = constructor(index.with_module(jobs), "jobs.Job")
    assert init is not None
    assert [(p.name, p.annotation) for p in init.params] == [
        ("self", None),
        ("name", TypeRef("builtins.str")),
        ("budget", TypeRef("budgetlint.Budget")),
    ]


def test_definitions_that_name_nothing_tracked_are_not_lowered(index: ModelIndex) -> None:
    # What a relevant definition names becomes relevant too (make_budget,
    # then Agent through its base), to a fixpoint; plain helpers are skipped.
    unit = lower(index, """
    def helper(x: int) -> int:
        return x + 1
    def make_budget() -> Budget:
        return Budget(usd=1)
    class Base:
        def run(self) -> None:
            make_budget().close()
    class Agent(Base):
        def go(self) -> None: ...
    class Unrelated:
        def go(self) -> None: ...
    def fail() -> NoReturn:
        raise SystemExit(1)
    """)
    assert [f.name for f in unit.functions] == [
        "<module>", "make_budget", "Base.run", "Agent.go", "fail"]


def test_sites_count_code_points_not_bytes(index: ModelIndex) -> None:
    # ``ast`` columns are UTF-8 byte offsets; findings give code points.
    code = """
    def f(b: Budget) -> None:
        é = "ü"; b.spend(usd=1)
    """
    assert "use b @4:13" in body(index, code)


def test_long_chains_do_not_exhaust_the_stack(index: ModelIndex) -> None:
    # Boolean chains, attribute chains, operator chains and elif ladders are
    # walked iteratively: only Python's own parser limits them (it rejects
    # nesting past a few thousand; boolean chains are flat in ``ast``).
    n = 1_900
    code = HEADER + "def f(b: Budget, x: object) -> None:\n"
    code += "    y = " + " and ".join(["x"] * 10 * n) + "\n"
    code += "    z = x" + ".a" * n + "\n"
    code += "    w = " + " + ".join(["1"] * n) + "\n"
    code += "    if x:\n        pass\n" + "    elif x:\n        pass\n" * n
    code += "    b.delegate()\n    b.spend(usd=1)\n"
    unit = lower_source(code, "long.py", "long", index)
    assert unit.functions[-1].name == "f"
    # The engine's graph follows the elif ladder in a loop too.
    (finding,) = analyze(unit, Settings())
    assert (finding.code, finding.site.line) == ("BUD001", code.count("\n"))


def test_pending_tasks_started_together_fan_out_only_when_several() -> None:
    made, started = ir.Site(1, 0), ir.Site(3, 4)
    coros = Param("coros", ParamKind.VAR_POSITIONAL)
    spec = SpawnSpec(("coros",), ("coros",))
    one = PendingTasks((Reach("b", made),), many=False)
    several = PendingTasks((Reach("b", made),), many=True)
    # The sends happen where the tasks start, not where the calls were made.
    for held, star, fanout in [(one, True, False), (several, True, True), (several, False, False)]:
        sends = plan_sends(spec, [held.spawn_arg(coros, started, star=star)])
        assert [(s.place, s.site, s.fanout) for s in sends] == [("b", started, fanout)]


def test_appending_in_a_loop_leaves_out_what_the_loop_binds() -> None:
    site = ir.Site(1, 0)
    loop: list[ir.Node] = [ir.Bind("kid", site, ir.Kind.AFFINE), ir.Use("b", site)]
    reaches = (Reach("kid", site), Reach("b", site))
    held = PendingTasks.append(None, reaches, loop)
    assert held == PendingTasks((Reach("b", site),), many=True)
    once = PendingTasks.append(None, reaches, None)
    assert once == PendingTasks(reaches, many=False)
    assert PendingTasks.append(once, (Reach("c", site),), None).many


def test_the_builder_knows_the_innermost_loop_being_built() -> None:
    b = Builder()
    assert b.innermost_loop() is None
    outer = b.open_loop()
    with b.into(outer.body):
        inner = b.open_loop()
        with b.into(inner.body):
            assert b.innermost_loop() is inner.body
        branch = b.open_if()
        with b.into(branch.body):
            assert b.innermost_loop() is outer.body
    assert b.innermost_loop() is None
