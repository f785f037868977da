"""Rule documentation, generated from the catalog.

``docs/rules/BUDnnn.md`` and ``docs/rules/README.md`` are written by
``python -m budgetlint.rules.docs [FOLDER]`` (default: ``docs/rules`` of the
checkout this module is in); ``budgetlint explain`` prints the same text and
the SARIF output embeds it, so the three never drift. ``tests/test_docs.py``
fails when the committed files are stale.

Standard library only.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import MappingProxyType

from budgetlint.rules.catalog import Rule, iter_rules

REPOSITORY_URL = "https://github.com/budgetlint/budgetlint"
RULES_URL = f"{REPOSITORY_URL}/blob/main/docs/rules"

OPTION_HELP: Mapping[str, str] = MappingProxyType(
    {
        "mint-authority": (
            "modules allowed to construct budgets (a module also covers its "
            "submodules). Setting it turns the rule on."
        ),
    }
)
"""What each ``[tool.budgetlint]`` key a rule lists in ``options`` does."""

DEFAULT_FOLDER = Path(__file__).resolve().parents[2] / "docs" / "rules"


def rule_url(code: str) -> str:
    """Where the documentation of ``code`` is published."""
    return f"{RULES_URL}/{code}.md"


def rule_markdown(rule: Rule) -> str:
    """The documentation page of one rule (``docs/rules/<code>.md``)."""
    parts = [
        f"# {rule.code}: {rule.name}\n",
        f"{_sentence(rule.summary)}\n",
        "## What it does\n",
        f"{rule.what_it_does}\n",
        "## Why is this bad?\n",
        f"{rule.why_bad}\n",
        "## Known problems\n",
        f"{rule.known_problems or 'None known.'}\n",
    ]
    if rule.example_config:
        parts += [
            "## Example\n",
            "With this configuration:\n",
            _code_block(f"[tool.budgetlint]\n{rule.example_config}\n", "toml"),
            _code_block(rule.example),
        ]
    elif rule.example:
        parts += ["## Example\n", _code_block(rule.example)]
    if rule.use_instead:
        parts += ["## Use instead\n", _code_block(rule.use_instead)]
    parts += ["## Options\n", _options(rule)]
    parts += ["## mypy error code\n", _mypy_code(rule)]
    parts += ["## Default state\n", _default_state(rule)]
    return "\n".join(parts)


def index_markdown() -> str:
    """``docs/rules/README.md``: every rule, linked to its page."""
    rows = [
        f"| [{rule.code}]({rule.code}.md) | {rule.name} | {_mypy_cell(rule)} "
        f"| {'on' if rule.default_enabled else 'off'} | {rule.summary} |"
        for rule in iter_rules()
    ]
    return "\n".join(
        [
            "# budgetlint rules\n",
            "Generated from `budgetlint/rules/catalog.py` by `python -m budgetlint.rules.docs`;"
            " do not edit by hand. `budgetlint explain CODE` prints the same pages.\n",
            "| code | name | mypy error code | default | summary |",
            "|---|---|---|---|---|",
            *rows,
            "",
        ]
    )


def generated_docs() -> dict[str, str]:
    """Every generated file of ``docs/rules``, by file name."""
    pages = {f"{rule.code}.md": rule_markdown(rule) for rule in iter_rules()}
    pages["README.md"] = index_markdown()
    return pages


def write_docs(folder: Path = DEFAULT_FOLDER) -> list[Path]:
    """Write :func:`generated_docs` into ``folder``; the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in generated_docs().items():
        path = folder / name
        path.write_text(text, encoding="utf-8", newline="\n")
        written.append(path)
    return written


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def _code_block(code: str, language: str = "python") -> str:
    return f"```{language}\n{code.rstrip()}\n```\n"


def _options(rule: Rule) -> str:
    if not rule.options:
        return "None.\n"
    lines = [f"- `{key}` in `[tool.budgetlint]`: {OPTION_HELP[key]}" for key in rule.options]
    return "\n".join(lines) + "\n"


def _mypy_cell(rule: Rule) -> str:
    return f"`{rule.mypy_code}`" if rule.mypy_code else "—"


def _mypy_code(rule: Rule) -> str:
    if rule.mypy_code is None:
        return "None: mypy reports files it cannot read or parse itself.\n"
    return (
        f"`{rule.mypy_code}`: silence one line with `# type: ignore[{rule.mypy_code}]`;"
        f" the CLI and flake8 take `# noqa: {rule.code}` or"
        f" `# budgetlint: ignore[{rule.code}]`.\n"
    )


def _default_state(rule: Rule) -> str:
    if rule.default_enabled:
        return f'On by default; `ignore = ["{rule.code}"]` turns it off.\n'
    if not rule.options:
        return "Off by default: list it in `select` to turn it on.\n"
    keys = " or ".join(f"`{key}`" for key in rule.options)
    return (
        f"Off by default: setting {keys} turns it on (when `select` is set, it must"
        " also list the code or a prefix of it).\n"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m budgetlint.rules.docs [FOLDER]``: regenerate the rule docs."""
    parser = argparse.ArgumentParser(prog="python -m budgetlint.rules.docs", description=__doc__)
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    args = parser.parse_args(argv)
    for path in write_docs(args.folder):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
