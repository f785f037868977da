"""A readable text form of lowered IR, for tests and debugging.

One line per event or jump, nested blocks indented by two spaces::

    def orchestrate @3:0
      bind b affine Budget @4:4
      move b (delegate()) consume @5:12
      use b @6:4

Standard library only.
"""

from __future__ import annotations

from budgetlint.engine import ir


def dump(unit: ir.Unit, *, checkpoints: bool = False) -> str:
    """Every function of ``unit``, in order. :class:`~ir.Checkpoint` lines
    are left out unless ``checkpoints`` is set (one per statement, noisy)."""
    lines: list[str] = []
    for function in unit.functions:
        flags = "".join(
            f" [{name}]"
            for name, on in (("method", function.is_method),
                             ("consumes-self", function.consumes_self))
            if on
        )
        lines.append(f"def {function.name}{flags} {_at(function.site)}")
        _block(function.body, 1, checkpoints, lines)
    return "\n".join(lines) + "\n"


def dump_nodes(nodes: list[ir.Node], *, checkpoints: bool = False) -> str:
    """One block of nodes, unindented."""
    lines: list[str] = []
    _block(nodes, 0, checkpoints, lines)
    return "\n".join(lines) + ("\n" if lines else "")


def _at(site: ir.Site) -> str:
    return f"@{site.line}:{site.col}"


def _block(nodes: list[ir.Node], depth: int, checkpoints: bool, out: list[str]) -> None:
    pad = "  " * depth

    def section(title: str, body: list[ir.Node], always: bool = False) -> None:
        if body or always:
            out.append(f"{pad}{title}:")
            _block(body, depth + 1, checkpoints, out)

    for node in nodes:
        if isinstance(node, ir.Checkpoint):
            if checkpoints:
                out.append(f"{pad}checkpoint {_at(node.site)}")
        elif isinstance(node, ir.If):
            section("if", node.body, always=True)
            section("else", node.orelse)
        elif isinstance(node, ir.Loop):
            out.append(f"{pad}loop{'' if node.can_exit else ' [no-exit]'}:")
            inner = "  " * (depth + 1)
            for title, body in (("head", node.head), ("body", node.body), ("else", node.orelse)):
                if body:
                    out.append(f"{inner}{title}:")
                    _block(body, depth + 2, checkpoints, out)
        elif isinstance(node, ir.Try):
            section("try", node.body, always=True)
            for handler in node.handlers:
                section("except", handler.body, always=True)
            section("else", node.orelse)
            section("finally", node.finalbody)
        elif isinstance(node, ir.Match):
            out.append(f"{pad}match{' [exhaustive]' if node.exhaustive else ''}:")
            for case in node.cases:
                out.append(f"{pad}  case:")
                _block(case.body, depth + 2, checkpoints, out)
        else:
            out.append(pad + _leaf(node))


def _leaf(node: ir.Event | ir.Return | ir.Raise | ir.Break | ir.Continue | ir.Halt) -> str:
    if isinstance(node, ir.Bind):
        kind = node.kind.value if node.kind is not None else "none"
        flags = (" borrowed" if node.borrowed else "") + (
            "" if node.obligation or node.kind is None else " no-obligation"
        )
        name = f" {node.type_name}" if node.type_name else ""
        return f"bind {node.place} {kind}{name}{flags} {_at(node.site)}"
    if isinstance(node, ir.Transfer):
        return f"transfer {node.src} -> {node.dst or '_'} {_at(node.site)}"
    if isinstance(node, ir.Use):
        return f"use {node.place}{' whole' if node.whole else ''} {_at(node.site)}"
    if isinstance(node, ir.Move):
        consume = " consume" if node.consume else ""
        return f"move {node.place} ({node.how}){consume} {_at(node.site)}"
    if isinstance(node, ir.Copy):
        return f"copy {node.place} ({node.how}) {_at(node.site)}"
    if isinstance(node, ir.Send):
        flags = (" fanout" if node.fanout else "") + (" awaited" if node.awaited else "")
        return f"send {node.place} ({node.how}){flags} {_at(node.site)}"
    if isinstance(node, ir.Drop):
        return f"drop {node.place} {_at(node.site)}"
    if isinstance(node, ir.Settle):
        return f"settle {node.place} ({node.how}) {_at(node.site)}"
    if isinstance(node, ir.Mint):
        return f"mint {node.type_name} {_at(node.site)}"
    return f"{type(node).__name__.lower()} {_at(node.site)}"
