"""The flow engine on hand-written IR: each test is one control-flow shape.

The corpus exercises the engine through the front ends; these tests pin the
engine's own semantics (SPEC 5) without depending on any lowering.
"""

from __future__ import annotations

import pytest

from budgetlint.config import Settings
from budgetlint.engine import flow, ir
from budgetlint.engine.cfg import build
from budgetlint.engine.flow import analyze_function
from budgetlint.rules.findings import CODES, mint_forbidden

A, L = ir.Kind.AFFINE, ir.Kind.LINEAR


def s(line: int, col: int = 0) -> ir.Site:
    return ir.Site(line, col)


def bind(place: str, line: int, kind: ir.Kind | None = A, **kw: bool) -> ir.Bind:
    return ir.Bind(place, s(line), kind, type_name="Budget", **kw)


def use(place: str, line: int, whole: bool = False) -> ir.Use:
    return ir.Use(place, s(line), whole)


def move(place: str, line: int, consume: bool = False) -> ir.Move:
    return ir.Move(place, s(line), "delegate()" if consume else "passed to f()", consume)


def send(place: str, line: int, **kw: bool) -> ir.Send:
    return ir.Send(place, s(line), "sent to asyncio.create_task()", **kw)


def run(*body: ir.Node, method: bool = False, consumes_self: bool = False,
        settings: Settings | None = None, module: str = "m") -> list[tuple[int, str]]:
    fn = ir.Function("f", s(1), list(body), is_method=method, consumes_self=consumes_self)
    forbidden = mint_forbidden(module, (settings or Settings()).mint_authority)
    return [(v.site.line, CODES[v.kind]) for v in analyze_function(fn, mint_forbidden=forbidden)]


def test_use_after_move_reports_first_use_only() -> None:
    assert run(bind("b", 1), move("b", 2, True), use("b", 3), use("b", 4)) == [(3, "BUD001")]


def test_move_on_one_branch_is_possibly_moved() -> None:
    found = run(bind("b", 1), ir.If([move("b", 2)], []), use("b", 4))
    assert found == [(4, "BUD001")]


def test_each_path_reports_its_first_use() -> None:
    found = run(bind("b", 1), move("b", 2), ir.If([use("b", 3)], [use("b", 5)]), use("b", 6))
    assert found == [(3, "BUD001"), (5, "BUD001")]


def test_rebinding_makes_the_name_live_again() -> None:
    assert run(bind("b", 1), move("b", 2), bind("b", 3), use("b", 4)) == []


def test_move_in_loop_is_reported_at_the_move() -> None:
    assert run(bind("b", 1), ir.Loop(body=[move("b", 3)])) == [(3, "BUD001")]


def test_move_then_break_in_loop_is_fine() -> None:
    assert run(bind("b", 1), ir.Loop(body=[move("b", 3), ir.Break(s(4))])) == []


def test_rebinding_in_loop_before_move_is_fine() -> None:
    assert run(ir.Loop(body=[bind("b", 2), move("b", 3)])) == []


def test_while_true_only_leaves_through_break() -> None:
    loop = ir.Loop(body=[ir.If([move("b", 3), ir.Break(s(4))], [])], can_exit=False)
    assert run(bind("b", 1), loop, use("b", 6)) == [(6, "BUD001")]


def test_unreachable_code_is_silent() -> None:
    assert run(bind("b", 1), move("b", 2), ir.Return(s(3)), use("b", 4)) == []
    assert run(bind("b", 1), move("b", 2), ir.Halt(s(3)), use("b", 4)) == []


def test_linear_unconsumed_on_some_path() -> None:
    found = run(bind("r", 1, L), ir.If([ir.Return(s(3))], []), move("r", 4, True))
    assert found == [(1, "BUD004")]


def test_linear_consumed_on_every_path() -> None:
    assert run(bind("r", 1, L), ir.If([move("r", 2, True)], [move("r", 4, True)])) == []


def test_linear_before_explicit_raise_leaks_but_not_before_noreturn() -> None:
    assert run(bind("r", 1, L), ir.If([ir.Raise(s(2))], []), move("r", 3, True)) == [(1, "BUD004")]
    assert run(bind("r", 1, L), ir.If([ir.Halt(s(2))], []), move("r", 3, True)) == []


def test_double_consume_is_bud003() -> None:
    assert run(bind("r", 1, L), move("r", 2, True), move("r", 3, True)) == [(3, "BUD003")]


def test_borrowed_linear_parameter_has_no_obligation() -> None:
    assert run(bind("r", 1, L, borrowed=True), use("r", 2)) == []


def test_rebinding_an_unconsumed_linear_value_in_a_loop_leaks_it() -> None:
    body: list[ir.Node] = [bind("r", 2, L), ir.If([ir.Continue(s(3))], []), move("r", 4, True)]
    assert run(ir.Loop(body=body)) == [(2, "BUD004")]


def test_del_of_linear_leaks_and_use_after_del() -> None:
    assert run(bind("r", 1, L), ir.Drop("r", s(2))) == [(1, "BUD004")]
    assert run(bind("b", 1), ir.Drop("b", s(2)), use("b", 3)) == [(3, "BUD001")]
    # A dropped reservation was leaked, not consumed: using it is BUD001.
    dropped: list[ir.Node] = [bind("r", 1, L), ir.Drop("r", s(2)), move("r", 3, True)]
    assert run(*dropped) == [(1, "BUD004"), (3, "BUD001")]


def test_handler_starts_from_states_before_each_statement() -> None:
    # r = b.reserve(); try: call(); r.commit() except: r.release(); raise
    ok = ir.Try(
        body=[ir.Checkpoint(s(3)), ir.Checkpoint(s(4)), move("r", 4, True)],
        handlers=[ir.Handler([ir.Checkpoint(s(6)), move("r", 6, True), ir.Raise(s(7))])],
    )
    assert run(bind("r", 1, L), ok) == []
    # try: hand_off(b); other() except E: b.spend()
    bad = ir.Try(
        body=[ir.Checkpoint(s(2)), move("b", 2), ir.Checkpoint(s(3))],
        handlers=[ir.Handler([use("b", 5)])],
    )
    assert run(bind("b", 1), bad) == [(5, "BUD001")]


def test_finally_runs_on_return() -> None:
    fin = ir.Try(body=[ir.Return(s(3))], finalbody=[ir.Settle("r", s(2), "released")])
    assert run(bind("r", 1, L), fin) == []


def test_with_block_settles_and_use_after_is_bud003() -> None:
    block = ir.Try(body=[move("r", 2, True)], finalbody=[ir.Settle("r", s(1), "released")])
    assert run(bind("r", 1, L), block) == []
    assert run(bind("r", 1, L), block, use("r", 4)) == [(4, "BUD003")]


def test_spawning_moves_and_second_send_is_fanout() -> None:
    assert run(bind("b", 1), send("b", 2), use("b", 3)) == [(3, "BUD001")]
    assert run(bind("b", 1), send("b", 2), send("b", 3)) == [(3, "BUD005")]
    assert run(bind("b", 1), ir.Loop(body=[send("b", 3)])) == [(3, "BUD005")]
    assert run(bind("b", 1), send("b", 2, fanout=True, awaited=True)) == [(2, "BUD005")]


def test_awaited_sends_are_borrows() -> None:
    assert run(bind("b", 1), send("b", 2, awaited=True), send("b", 3, awaited=True)) == []


def test_borrowed_escapes() -> None:
    assert run(bind("b", 1, borrowed=True), move("b", 2)) == [(2, "BUD006")]
    assert run(bind("b", 1, borrowed=True), send("b", 2)) == [(2, "BUD006")]
    assert run(bind("b", 1, borrowed=True), ir.Transfer("b", "self.b", s(2))) == [(2, "BUD006")]
    reborrow: list[ir.Node] = [ir.Transfer("b", "y", s(2)), move("y", 3), use("b", 4)]
    assert run(bind("b", 1, borrowed=True), *reborrow) == [(3, "BUD006")]


def test_copy_and_copy_after_move() -> None:
    assert run(bind("b", 1), ir.Copy("b", s(2), "copy.copy()")) == [(2, "BUD002")]
    assert run(bind("b", 1), move("b", 2), ir.Copy("b", s(3), "copy.copy()")) == [(3, "BUD001")]


def test_transfer_moves_and_rebinds() -> None:
    assert run(bind("b", 1), ir.Transfer("b", "c", s(2)), use("c", 3), use("b", 4)) == [
        (4, "BUD001")
    ]


def test_moved_out_of_field() -> None:
    field: list[ir.Node] = [bind("self.budget", 1, obligation=False), move("self.budget", 2, True)]
    assert run(*field, method=True) == [(2, "BUD007")]
    assert run(*field, method=True, consumes_self=True) == []
    assert run(*field, bind("self.budget", 3), method=True) == []
    assert run(*field, ir.Raise(s(3)), method=True) == []


def test_partial_move_then_whole_use() -> None:
    body: list[ir.Node] = [bind("ctx.budget", 1, obligation=False), move("ctx.budget", 2),
            use("ctx", 3), use("ctx", 4, whole=True)]
    assert run(*body) == [(4, "BUD001")]


def test_mint_authority() -> None:
    mint = ir.Mint(s(2), "Budget")
    assert run(mint) == []
    authority = Settings(mint_authority=("app.top",))
    assert run(mint, settings=authority, module="app.worker") == [(2, "BUD008")]
    assert run(mint, settings=authority, module="app.top.sub") == []


def test_precedence_keeps_one_code_per_site() -> None:
    # A second send that is also a use after move reports only BUD005.
    found = run(bind("b", 1), send("b", 2), send("b", 3))
    assert found == [(3, "BUD005")]


def test_match_without_exhaustive_case_may_skip() -> None:
    m = ir.Match([ir.Case([move("b", 3)])], exhaustive=False)
    assert run(bind("b", 1), m, use("b", 5)) == [(5, "BUD001")]
    m_all = ir.Match([ir.Case([move("b", 3)]), ir.Case([ir.Return(s(5))])], exhaustive=True)
    assert run(bind("b", 1), m_all, use("b", 7)) == [(7, "BUD001")]


def test_a_none_test_forgets_the_place_on_its_branch() -> None:
    # r = b.reserve() if c else None; if r is not None: r.commit()
    maybe = ir.If([bind("r", 1, L)], [bind("r", 1, None)])
    narrowed = ir.If([move("r", 3, True)], [ir.Forget("r", s(2))])
    assert run(maybe, narrowed) == []
    assert run(maybe, ir.If([move("r", 3, True)], [])) == [(1, "BUD004")]


def test_a_long_branching_body_runs_each_block_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # Without loops every block can wait for all its predecessors: it runs
    # once, converged, and reports then, however long the body (a LIFO
    # worklist re-ran the rest of the body once per branch).
    body: list[ir.Node] = [bind("b", 1)]
    for line in range(2, 602, 3):
        consume: list[ir.Node] = [bind("r", line + 1, L), move("r", line + 2, True)]
        body.append(ir.If([use("b", line)], consume))
    fn = ir.Function("f", s(1), body)
    runs = 0
    block = flow._Run.block

    def counted(self: flow._Run, events: list[ir.Event], state: flow.State) -> flow.State:
        nonlocal runs
        runs += 1
        return block(self, events, state)

    monkeypatch.setattr(flow._Run, "block", counted)
    assert analyze_function(fn) == []
    assert runs <= len(build(fn).blocks)


def _facts_walked(monkeypatch: pytest.MonkeyPatch, fn: ir.Function) -> tuple[int, int]:
    """``(block runs, facts in the states they start from)`` for ``fn``:
    every join and every rebinding walks those facts."""
    runs = facts = 0
    block = flow._Run.block

    def counted(self: flow._Run, events: list[ir.Event], state: flow.State) -> flow.State:
        nonlocal runs, facts
        runs += 1
        facts += sum(len(f) for f in state.values())
        return block(self, events, state)

    monkeypatch.setattr(flow._Run, "block", counted)
    analyze_function(fn)
    monkeypatch.undo()
    return runs, facts


def _consumed_on_branches(branches: int) -> ir.Function:
    # if cond(): r = b.reserve(usd=1); r.commit(usd=1)   (N times), then print(r)
    body: list[ir.Node] = [bind("b", 1)]
    for line in range(2, 2 + 3 * branches, 3):
        body.append(ir.If([bind("r", line + 1, L), move("r", line + 2, True)], []))
    body.append(use("r", 3 * branches + 2))
    return ir.Function("f", s(1), body)


def test_a_name_consumed_on_many_branches_costs_linear_work(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Each branch leaves r gone at a new site. Kept in full, r's facts grew
    # with the function: every join and rebinding after walked them all.
    small = _facts_walked(monkeypatch, _consumed_on_branches(200))
    large = _facts_walked(monkeypatch, _consumed_on_branches(400))
    assert large[0] <= 2 * small[0] + 10
    assert large[1] <= 2.5 * small[1]
    assert small[1] <= 20 * small[0]


def test_the_use_after_many_consumes_lists_the_earliest_sites() -> None:
    def sites(branches: int) -> str:
        found = analyze_function(_consumed_on_branches(branches))
        assert [(v.site.line, CODES[v.kind]) for v in found] == [(3 * branches + 2, "BUD003")]
        return str(found[0].fields["sites"])

    listed = " and ".join(f"line {line} (delegate())" for line in range(4, 28, 3))
    assert sites(flow.SITES_KEPT) == listed
    assert sites(3 * flow.SITES_KEPT) == listed


def test_every_site_a_field_was_moved_at_is_reported() -> None:
    # BUD007 names each site, so a field of self keeps all of them.
    body: list[ir.Node] = [bind("self.budget", 1, obligation=False)]
    lines = range(2, 2 + 2 * (flow.SITES_KEPT + 4), 2)
    body += [ir.If([move("self.budget", line)], []) for line in lines]
    found = run(*body, method=True)
    assert [line for line, code in found if code == "BUD007"] == list(lines)


def test_code_after_a_loop_runs_once_the_loop_converged(monkeypatch: pytest.MonkeyPatch) -> None:
    # for x in xs: if cond(): r = b.reserve(); r.commit()   (N loops in a row)
    body: list[ir.Node] = [bind("b", 1)]
    for line in range(2, 602, 3):
        body.append(ir.Loop(body=[ir.If([bind("r", line + 1, L), move("r", line + 2, True)], [])]))
    fn = ir.Function("f", s(1), body)
    runs, _ = _facts_walked(monkeypatch, fn)
    # Each loop's blocks run until it converges, the rest of the function
    # only after: not once more per loop before it.
    assert runs <= 4 * len(build(fn).blocks)
