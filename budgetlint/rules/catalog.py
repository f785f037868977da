"""The rule catalog: the one place that defines every budgetlint diagnostic.

Codes, names, mypy error codes, message templates, default state and the
documentation of each rule live here. The CLI (``--select``, ``rules``,
``explain``), the flake8 plugin, the mypy plugin (one ``ErrorCode`` per rule)
and the generated ``docs/rules/*.md`` all read this module; nothing else
spells a code or a message.

Standard library only: the runtime package may import it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType


@dataclass(frozen=True)
class Rule:
    """One diagnostic: identity, message and documentation."""

    code: str
    """``BUDnnn``: what ``--select``, ``# noqa`` and flake8 use."""
    name: str
    """kebab-case rule name (``use-after-move``)."""
    mypy_code: str | None
    """The mypy error code (``budget-moved``); ``None`` where mypy has none."""
    summary: str
    """One line: what the rule reports."""
    message: str
    """``str.format`` template of the diagnostic; fields are documented per rule."""
    what_it_does: str
    why_bad: str
    known_problems: str = ""
    example: str = ""
    """Code that triggers the rule, with ``# expect:`` comments (a corpus case)."""
    use_instead: str = ""
    """The corrected code, silent (a corpus case)."""
    example_config: str = ""
    """``[tool.budgetlint]`` lines the example and the corrected code run
    under, where the rule needs configuration (TOML)."""
    options: tuple[str, ...] = ()
    """``[tool.budgetlint]`` keys that change this rule."""
    default_enabled: bool = True
    message_variants: Mapping[str, str] = field(default_factory=dict)
    """Alternative templates of the same rule, keyed by situation."""

    def format(self, variant: str | None = None, /, **fields: object) -> str:
        """The diagnostic text (without the code) for ``fields``."""
        template = self.message if variant is None else self.message_variants[variant]
        return template.format(**fields)


_RULES: tuple[Rule, ...] = (
    Rule(
        code="BUD001",
        name="use-after-move",
        mypy_code="budget-moved",
        summary="an affine value is used after it was moved, or may have been",
        message="{noun} '{place}' used after it was moved at {sites}",
        message_variants={
            "maybe": "{noun} '{place}' may have been moved at {sites} and is used here",
            "loop": "{noun} '{place}' moved in previous iteration of loop, at {sites}",
            "partial": "'{place}' used whole after its field was moved at {sites}",
        },
        what_it_does=(
            "Reports a read of a budget (or any affine value) after ownership of it "
            "moved elsewhere: it was delegated, handed to a function that owns its "
            "parameter, sent into a concurrent task, stored, returned, closed, or "
            "moved on some of the paths reaching the use, or in a previous loop "
            "iteration."
        ),
        why_bad=(
            "After a hand-off the new owner believes it holds the whole remainder. "
            "A parent that keeps spending from the old handle spends money the "
            "sub-agent is also spending: the cap is exceeded without any single "
            "party seeing it. At run time the moved handle raises BudgetMovedError."
        ),
        known_problems=(
            "The CLI and flake8 see only types visible without a type checker; the "
            "mypy plugin sees more. Values whose type cannot be resolved are not "
            "tracked (no guessing)."
        ),
        example=(
            "from budgetlint import Budget\n"
            "\n"
            "\n"
            "def run_sub_agent(budget: Budget) -> None: ...\n"
            "\n"
            "\n"
            "def orchestrate() -> None:\n"
            "    b = Budget(usd=5)\n"
            "    run_sub_agent(b)\n"
            "    b.spend(usd=0.01)  # expect: BUD001\n"
        ),
        use_instead=(
            "from budgetlint import Budget\n"
            "\n"
            "\n"
            "def run_sub_agent(budget: Budget) -> None: ...\n"
            "\n"
            "\n"
            "def orchestrate() -> None:\n"
            "    b = Budget(usd=5)\n"
            "    run_sub_agent(b.split(usd=2))\n"
            "    b.spend(usd=0.01)\n"
        ),
    ),
    Rule(
        code="BUD002",
        name="copy",
        mypy_code="budget-copy",
        summary="an affine value is copied",
        message="{noun} '{place}' is copied ({how}); budgets are never copied",
        what_it_does=(
            "Reports copy.copy, copy.deepcopy, copy.replace, dataclasses.replace, "
            "pickling and __copy__ applied to a budget or any affine value."
        ),
        why_bad=(
            "Each copy carries the whole cap: N copies handed to N workers multiply "
            "the money that can be spent by N. The runtime raises TypeError."
        ),
        known_problems=(
            "Only calls that a model in stubs/ (or in model-paths) marks @copies are "
            "recognised; another way of duplicating a budget, such as a hand-written "
            "clone function, is not seen until a model declares it."
        ),
        example=(
            "import copy\n"
            "\n"
            "from budgetlint import Budget\n"
            "\n"
            "b = Budget(usd=1)\n"
            "per_worker = copy.copy(b)  # expect: BUD002\n"
        ),
        use_instead=(
            "from budgetlint import Budget\n"
            "\n"
            "b = Budget(usd=1)\n"
            "per_worker = b.split(usd=0.25)\n"
        ),
    ),
    Rule(
        code="BUD003",
        name="double-consume",
        mypy_code="budget-double-consume",
        summary="a linear value is consumed twice, or used after being consumed",
        message="{noun} '{place}' used after it was consumed at {sites}",
        message_variants={
            "maybe": "{noun} '{place}' may have been consumed at {sites} and is used here",
            "loop": "{noun} '{place}' consumed in previous iteration of loop, at {sites}",
        },
        what_it_does=(
            "Reports a reservation (or any linear value) committed, released or moved "
            "twice, or read after it was consumed."
        ),
        why_bad=(
            "Committing a reservation twice charges the same call twice; using it "
            "after release spends money the ledger already gave back."
        ),
        example=(
            "from budgetlint import Budget\n"
            "\n"
            "b = Budget(usd=1)\n"
            "r = b.reserve(usd=0.05)\n"
            "r.commit(usd=0.03)\n"
            "r.release()  # expect: BUD003\n"
        ),
        use_instead=(
            "from budgetlint import Budget\n"
            "\n"
            "b = Budget(usd=1)\n"
            "r = b.reserve(usd=0.05)\n"
            "r.commit(usd=0.03)\n"
        ),
    ),
    Rule(
        code="BUD004",
        name="unconsumed-linear",
        mypy_code="budget-unconsumed",
        summary="a linear value can leave its scope unconsumed",
        message="{noun} '{place}' can leave its scope without being committed or released",
        message_variants={
            "dropped": "{noun} '{place}' is deleted without being committed or released",
            "discarded": "{noun} is never bound, so it is never committed or released",
            "overwritten": (
                "{noun} '{place}' is rebound at line {line} before it was committed or released"
            ),
        },
        what_it_does=(
            "Reports a reservation (or any linear value) that some path out of its "
            "scope (fall-through, return, break, continue, explicit raise) leaves "
            "neither committed, released, returned nor handed to a new owner. "
            "Reported at the line that created it, or at the parameter."
        ),
        why_bad=(
            "Reserved money stays reserved: the budget refuses calls it could afford, "
            "until garbage collection releases it, if ever."
        ),
        known_problems=(
            "Handing a reservation to a callee whose parameter is unannotated, Any or "
            "object borrows it, so the caller must still consume it: a callee that "
            "commits it is not seen. Annotate the parameter with the linear type to "
            "make the hand-off a move."
        ),
        example=(
            "from budgetlint import Budget\n"
            "\n"
            "\n"
            "def call_model(b: Budget, ok: bool) -> None:\n"
            "    r = b.reserve(usd=0.05)  # expect: BUD004\n"
            "    if not ok:\n"
            "        return\n"
            "    r.commit(usd=0.02)\n"
        ),
        use_instead=(
            "from budgetlint import Budget\n"
            "\n"
            "\n"
            "def call_model(b: Budget, ok: bool) -> None:\n"
            "    with b.reserve(usd=0.05) as r:\n"
            "        if not ok:\n"
            "            return\n"
            "        r.commit(usd=0.02)\n"
        ),
    ),
    Rule(
        code="BUD005",
        name="fan-out",
        mypy_code="budget-fanout",
        summary="one budget reaches more than one concurrently running task",
        message="{noun} '{place}' reaches more than one concurrent task ({how})",
        message_variants={
            "loop": "{noun} '{place}' is sent into a concurrent task on every iteration ({how})",
            "again": "{noun} '{place}' is sent into a second concurrent task; first at {sites}",
        },
        what_it_does=(
            "Reports one budget handed to several concurrent tasks: sent into a "
            "spawner inside a loop or comprehension, into two spawner calls, or into "
            "one spawner call that creates several tasks (gather, map), without a "
            "fresh split per task."
        ),
        why_bad=(
            "Each worker believes it owns the whole remainder; checks pass in every "
            "task and together they overshoot the cap."
        ),
        known_problems=(
            "Only spawners that a model marks @spawns are recognised (asyncio, "
            "concurrent.futures, threading, anyio and trio are modelled); a task "
            "started through another API is not seen until a model in model-paths "
            "declares it."
        ),
        example=(
            "import asyncio\n"
            "\n"
            "from budgetlint import Budget\n"
            "\n"
            "\n"
            "async def worker(q: str, budget: Budget) -> None: ...\n"
            "\n"
            "\n"
            "async def fan_out(qs: list[str]) -> None:\n"
            "    b = Budget(usd=5)\n"
            "    await asyncio.gather(*[worker(q, b) for q in qs])  # expect: BUD005\n"
        ),
        use_instead=(
            "import asyncio\n"
            "\n"
            "from budgetlint import Budget\n"
            "\n"
            "\n"
            "async def worker(q: str, budget: Budget) -> None: ...\n"
            "\n"
            "\n"
            "async def fan_out(qs: list[str]) -> None:\n"
            "    b = Budget(usd=5)\n"
            "    kids = b.split_even(len(qs))\n"
            "    await asyncio.gather(*[worker(q, k) for q, k in zip(qs, kids)])\n"
        ),
    ),
    Rule(
        code="BUD006",
        name="borrow-escape",
        mypy_code="budget-borrow-escape",
        summary="a Borrowed[...] parameter is moved, stored, returned, consumed or sent",
        message="borrowed {noun} '{place}' escapes the call ({how})",
        what_it_does=(
            "Reports a parameter annotated Borrowed[...] that the callee moves, "
            "stores, returns, consumes or sends into a concurrent task."
        ),
        why_bad=(
            "The caller keeps ownership of a borrowed budget and goes on spending it; "
            "anything the callee keeps spends the same money twice."
        ),
        example=(
            "from budgetlint import Borrowed, Budget\n"
            "\n"
            "\n"
            "class Agent:\n"
            "    def attach(self, budget: Borrowed[Budget]) -> None:\n"
            "        self.budget = budget  # expect: BUD006\n"
        ),
        use_instead=(
            "from budgetlint import Budget\n"
            "\n"
            "\n"
            "class Agent:\n"
            "    def attach(self, budget: Budget) -> None:\n"
            "        self.budget = budget\n"
        ),
    ),
    Rule(
        code="BUD007",
        name="moved-out-of-field",
        mypy_code="budget-moved-field",
        summary="a method can return with a budget field moved out",
        message=(
            "'{place}' is moved out ({how}) and the method can return without "
            "re-initialising it"
        ),
        what_it_does=(
            "Reports a method that moves or consumes self.<attr> and can return with "
            "the field still moved, unless the method is itself @consumes."
        ),
        why_bad=(
            "The object now holds a moved budget: the next method call spends from a "
            "handle that no longer owns any money (rustc rejects this as E0507)."
        ),
        example=(
            "from budgetlint import Budget\n"
            "\n"
            "\n"
            "class Agent:\n"
            "    def __init__(self, budget: Budget) -> None:\n"
            "        self.budget = budget\n"
            "\n"
            "    def finish(self) -> None:\n"
            "        self.budget.close()  # expect: BUD007\n"
        ),
        use_instead=(
            "from budgetlint import Budget, consumes\n"
            "\n"
            "\n"
            "class Agent:\n"
            "    def __init__(self, budget: Budget) -> None:\n"
            "        self.budget = budget\n"
            "\n"
            "    @consumes\n"
            "    def finish(self) -> None:\n"
            "        self.budget.close()\n"
        ),
    ),
    Rule(
        code="BUD008",
        name="mint-outside-authority",
        mypy_code="budget-mint",
        summary="an affine value is constructed outside the configured mint authority",
        message="{noun} minted here ({how}); only {authority} may construct budgets",
        what_it_does=(
            "Reports construction of a budget (or any affine value) in a module not "
            "listed in mint-authority. Off unless mint-authority is configured."
        ),
        why_bad=(
            "Budgets minted deep in the call tree escape the top-level cap: money "
            "should be minted once, at the top, and split downwards."
        ),
        example=(
            "from budgetlint import Budget\n"
            "\n"
            "\n"
            "def research(topic: str) -> None:\n"
            "    budget = Budget(usd=50)  # expect: BUD008\n"
            "    budget.spend(usd=0.01)\n"
        ),
        use_instead=(
            "from budgetlint import Borrowed, Budget\n"
            "\n"
            "\n"
            "def research(topic: str, budget: Borrowed[Budget]) -> None:\n"
            "    budget.spend(usd=0.01)\n"
        ),
        example_config='mint-authority = ["app.main"]',
        options=("mint-authority",),
        default_enabled=False,
    ),
    Rule(
        code="BUD900",
        name="analysis-error",
        mypy_code=None,
        summary="the file could not be analysed",
        message="file could not be analysed: {reason}",
        what_it_does=(
            "Reported once for a file that cannot be read or parsed (syntax error, "
            "undecodable bytes, binary content, nesting too deep to walk). Every "
            "other file is still checked."
        ),
        why_bad="Nothing in the file was checked, so nothing in it is known to be safe.",
    ),
)

RULES: Mapping[str, Rule] = MappingProxyType({rule.code: rule for rule in _RULES})
"""Every rule, by code, in code order."""

BY_MYPY_CODE: Mapping[str, Rule] = MappingProxyType(
    {rule.mypy_code: rule for rule in _RULES if rule.mypy_code is not None}
)

CODE_PREFIX = "BUD"


def iter_rules() -> Iterator[Rule]:
    """Every rule in code order."""
    return iter(_RULES)


def rule(code: str) -> Rule:
    """The rule for ``code``; ``KeyError`` for an unknown code."""
    return RULES[code]
