"""What type checkers see: mypy reads the runtime's declarations as intended.

``Borrowed[Budget]`` is ``Budget``; ``@consumes`` keeps signatures (bare and
with names); the runtime API's return types are plain classes. mypy runs
without budgetlint's plugin here, on the runtime's own annotations.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from mypy import api

SNIPPET = """
from budgetlint import Borrowed, Budget, affine, consumes

def worker(budget: Borrowed[Budget]) -> None:
    reveal_type(budget)
    budget.spend(usd=1)

@affine
class Token:
    @consumes("self", "other")
    def merge_with(self, other: Token) -> Token:
        return self

    @consumes
    def spend(self, *, times: int = 1) -> int:
        return times

b = Budget(usd=1, tokens=10, name="b")
reveal_type(b.split(usd=0.5))
reveal_type(b.split_even(2))
reveal_type(b.reserve(usd=1))
reveal_type(b.reclaim)
reveal_type(b.delegate())
reveal_type(b.close())
reveal_type(b.remaining.usd)
reveal_type(Token.merge_with)
reveal_type(Token().spend(times=2))
with Budget() as scoped:
    reveal_type(scoped)
b.reserve(usd=1).commit(usd=0.5, bogus=1)
Token().spend(times="2")
"""


def test_mypy_reads_the_runtime_as_declared(tmp_path: Path) -> None:
    (tmp_path / "mypy.ini").write_text("[mypy]\nstrict = True\n")
    source = tmp_path / "snippet.py"
    source.write_text(textwrap.dedent(SNIPPET))
    out, err, status = api.run(
        [
            "--config-file",
            str(tmp_path / "mypy.ini"),
            "--cache-dir",
            str(tmp_path / "cache"),
            "--hide-error-context",
            "--no-error-summary",
            str(source),
        ]
    )
    assert err == ""
    messages = [line.split(": ", 1)[1] for line in out.splitlines()]
    assert messages == [
        'note: Revealed type is "budgetlint.runtime.budget.Budget"',
        'note: Revealed type is "budgetlint.runtime.budget.Budget"',
        'note: Revealed type is "list[budgetlint.runtime.budget.Budget]"',
        'note: Revealed type is "budgetlint.runtime.budget.Reservation"',
        'note: Revealed type is "def (child: budgetlint.runtime.budget.Budget) '
        '-> budgetlint.runtime.money.Amount"',
        'note: Revealed type is "budgetlint.runtime.budget.Budget"',
        'note: Revealed type is "budgetlint.runtime.money.Usage"',
        'note: Revealed type is "decimal.Decimal | None"',
        'note: Revealed type is "def (self: snippet.Token, other: snippet.Token) -> snippet.Token"',
        'note: Revealed type is "int"',
        'note: Revealed type is "budgetlint.runtime.budget.Budget"',
        'error: Unexpected keyword argument "bogus" for "commit" of "Reservation"  [call-arg]',
        'note: "commit" defined in "budgetlint.runtime.budget"',
        'error: Argument "times" to "spend" of "Token" has incompatible type "str"; '
        'expected "int"  [arg-type]',
    ]
    assert status == 1
