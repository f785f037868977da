"""Files that cannot be analysed: one BUD900 each, and the run goes on.

The CLI runs in a subprocess: a parser that crashes the interpreter on deep
nesting fails
this test instead of the whole test session.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from corpus import expectations

from budgetlint.rules.catalog import rule

GOOD = rule("BUD001").example
BUDGET = "from budgetlint import Budget\n\nb = Budget(usd=1)\n"

BAD: dict[str, tuple[bytes, str]] = {
    "syntax_error.py": (f"{BUDGET}b.spend(usd=1\n".encode(), r"syntax error"),
    "undecodable.py": (f"{BUDGET}name = '".encode() + b"\xff'\n", r"cannot decode as utf-8"),
    "binary.py": (b"\x7fELF\x02\x01\x01\x00\x00\x00budget", r"binary file"),
    "deep_parentheses.py": (
        f"{BUDGET}x = {'(' * 3000}b{')' * 3000}\n".encode(),
        r"nest|deep|recursion",
    ),
    "deep_expression.py": (
        f"{BUDGET}x = {' + '.join(['b'] * 5000)}\n".encode(),
        r"nest|deep|recursion",
    ),
}


def test_each_bad_file_is_one_bud900_and_the_run_goes_on(tmp_path: Path) -> None:
    marker = tmp_path / "imported.txt"
    folder = tmp_path / "project"
    folder.mkdir()
    (folder / "pyproject.toml").write_text("[tool.budgetlint]\n", encoding="utf-8")
    for name, (content, _) in BAD.items():
        (folder / name).write_bytes(content)
    (folder / "dangling.py").symlink_to(folder / "missing.py")
    (folder / "good.py").write_text(GOOD, encoding="utf-8")
    # Importing this file would leave the marker: checking it must not.
    (folder / "side_effect.py").write_text(
        f"import pathlib\n\npathlib.Path({str(marker)!r}).write_text('imported')\n{BUDGET}"
        "b.spend(usd=0.01)\n",
        encoding="utf-8",
    )

    done = subprocess.run(
        [sys.executable, "-m", "budgetlint.cli", "check", "--format", "json", "."],
        capture_output=True,
        text=True,
        cwd=folder,
        timeout=300,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    found: dict[str, list[dict[str, object]]] = {}
    for record in json.loads(done.stdout):
        found.setdefault(str(record["path"]), []).append(record)

    reasons = {name: reason for name, (_, reason) in BAD.items()}
    reasons["dangling.py"] = r"cannot read file: No such file or directory"
    for name, reason in reasons.items():
        assert len(found.get(name, [])) == 1, (name, found.get(name))
        (record,) = found[name]
        assert record["code"] == "BUD900", record
        assert re.search(reason, str(record["message"]), re.IGNORECASE), record

    good = {(record["line"], record["code"]) for record in found["good.py"]}
    assert good == set(expectations(GOOD).everywhere)
    assert "side_effect.py" not in found
    assert not marker.exists()
    assert set(found) == {*reasons, "good.py"}
