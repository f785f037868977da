"""Engine violations in, coded findings out: where the rules meet the flow.

The flow engine (:mod:`budgetlint.engine.flow`) reports
:class:`~budgetlint.engine.flow.Violation` records in its own terms; this
module gives each one its code and its message from the catalog
(:mod:`budgetlint.rules.catalog`), and turns the settings into the engine's
plain options. Every front end calls :func:`analyze`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from budgetlint.config import Settings
from budgetlint.engine import ir
from budgetlint.engine.flow import Violation, ViolationKind, analyze_unit
from budgetlint.rules.catalog import rule

CODES: Mapping[ViolationKind, str] = MappingProxyType(
    {
        ViolationKind.USE_AFTER_MOVE: "BUD001",
        ViolationKind.COPY: "BUD002",
        ViolationKind.DOUBLE_CONSUME: "BUD003",
        ViolationKind.UNCONSUMED: "BUD004",
        ViolationKind.FANOUT: "BUD005",
        ViolationKind.BORROW_ESCAPE: "BUD006",
        ViolationKind.MOVED_FIELD: "BUD007",
        ViolationKind.MINT: "BUD008",
    }
)
"""The rule code of each kind of violation."""


@dataclass(frozen=True)
class Finding:
    """One rule violation, before it is tied to a file."""

    code: str
    site: ir.Site
    message: str


def mint_forbidden(module: str, authority: Sequence[str]) -> bool:
    """Whether constructing a budget in ``module`` is BUD008: some module is
    configured as ``mint-authority`` and ``module`` is neither one of them
    nor inside one."""
    return bool(authority) and not any(
        module == m or module.startswith(m + ".") for m in authority
    )


def finding(violation: Violation, settings: Settings) -> Finding:
    """``violation`` with its code and its message from the catalog."""
    code = CODES[violation.kind]
    fields: dict[str, object] = dict(violation.fields)
    if violation.kind is ViolationKind.MINT:
        fields["authority"] = ", ".join(settings.mint_authority)
    return Finding(code, violation.site, rule(code).format(violation.variant, **fields))


def analyze(unit: ir.Unit, settings: Settings) -> list[Finding]:
    """Every finding in a lowered file, sorted by position."""
    violations = analyze_unit(
        unit, mint_forbidden=mint_forbidden(unit.module, settings.mint_authority)
    )
    return sorted((finding(v, settings) for v in violations), key=lambda f: (f.site, f.code))
