"""``budgetlint``: check files, list the rules, explain one.

Exit status of ``check``: 0 when nothing is reported, 1 when something is,
2 for a usage, configuration or model error (one line on stderr, never a
traceback). stdout carries only the chosen format's output, so it can be
piped; the summary and ``--statistics`` go to stderr.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from budgetlint import __version__
from budgetlint.cache import ENVIRONMENT, FOLDER_NAME, Cache, default_folder
from budgetlint.checking.files import PathNotFoundError
from budgetlint.checking.run import check_paths
from budgetlint.config_loader import (
    ConfigError,
    Overrides,
    load_config,
    settings_for,
    validate_codes,
)
from budgetlint.models.errors import ModelError
from budgetlint.output import FORMATS
from budgetlint.output.text import statistics, summary
from budgetlint.rules.catalog import RULES, Rule, iter_rules
from budgetlint.rules.docs import rule_markdown

USAGE_ERROR = 2


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``budgetlint`` command."""
    parser = argparse.ArgumentParser(
        prog="budgetlint",
        description="Affine ownership checks for LLM-agent budgets.",
    )
    parser.add_argument("--version", action="version", version=f"budgetlint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = commands.add_parser(
        "check",
        help="check files and folders",
        description=(
            "Check Python files (folders are walked for .py files). Exit status: 0 clean,"
            " 1 findings, 2 usage, configuration or model error."
        ),
    )
    check.add_argument(
        "paths",
        nargs="*",
        default=["."],
        metavar="PATH",
        help="files or folders to check (default: .)",
    )
    check.add_argument(
        "--format", choices=sorted(FORMATS), default="text", help="output format (default: text)"
    )
    check.add_argument(
        "--select",
        metavar="CODES",
        help="comma-separated codes or prefixes to report, instead of the configured select",
    )
    check.add_argument(
        "--ignore",
        metavar="CODES",
        help="comma-separated codes or prefixes not to report, added to the configured ignore",
    )
    check.add_argument(
        "--config",
        metavar="FILE",
        help="use this file's [tool.budgetlint] for every file instead of the"
        " nearest pyproject.toml",
    )
    check.add_argument(
        "--statistics",
        action="store_true",
        help="print the number of findings per code (to stderr)",
    )
    check.add_argument(
        "--output-file", metavar="FILE", help="write the output to FILE instead of stdout"
    )
    check.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=0,
        metavar="N",
        help="worker processes for the files not cached (default: 0, one per core)",
    )
    check.add_argument(
        "--no-cache", action="store_true", help="neither read nor write the cache"
    )
    check.add_argument(
        "--cache-dir",
        metavar="DIR",
        help=f"the cache folder (default: ${ENVIRONMENT}, else {FOLDER_NAME} beside the"
        " configuration of the working directory)",
    )

    commands.add_parser(
        "rules", help="list every rule", description="List every rule of the catalog."
    )
    explain = commands.add_parser(
        "explain",
        help="print the documentation of one rule",
        description="Print the documentation of one rule.",
    )
    explain.add_argument("rule", metavar="CODE", help="a rule code (BUD001) or name")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "check":
            return _check(args)
        if args.command == "rules":
            sys.stdout.write(rules_table())
            return 0
        if args.command == "explain":
            return _explain(args.rule)
        parser.print_help(sys.stderr)
        return USAGE_ERROR
    except (ConfigError, ModelError, PathNotFoundError, OSError) as error:
        return _fail(str(error))
    except Exception as error:  # a bug: still one line and status 2, as promised
        return _fail(f"internal error: {type(error).__name__}: {error}")


def _check(args: argparse.Namespace) -> int:
    overrides = Overrides(
        config=args.config,
        select=None if args.select is None else _codes(args.select, "--select"),
        ignore=() if args.ignore is None else _codes(args.ignore, "--ignore"),
    )
    cache = None
    if not args.no_cache:
        root = load_config(args.config).root if args.config else settings_for(Path.cwd()).root
        cache = Cache(args.cache_dir or default_folder(root))
    diagnostics = check_paths(args.paths, overrides, cache=cache,
                              jobs=args.jobs or available_cores())
    output = FORMATS[args.format](diagnostics)
    if args.output_file:
        with open(args.output_file, "w", encoding="utf-8") as file:
            file.write(output)
    else:
        sys.stdout.write(output)
        # Findings before the summary when both streams share one log.
        sys.stdout.flush()
    if args.statistics:
        sys.stderr.write(statistics(diagnostics))
    sys.stderr.write(summary(diagnostics))
    return 1 if diagnostics else 0


def _jobs(value: str) -> int:
    if not value.isdigit():
        raise argparse.ArgumentTypeError(f"expected a number of processes, got {value!r}")
    return int(value)


def available_cores() -> int:
    """The cores this process may run on (a container's or ``taskset``'s share)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _codes(value: str, option: str) -> tuple[str, ...]:
    return validate_codes((code.strip() for code in value.split(",") if code.strip()), option)


def _explain(name: str) -> int:
    found = find_rule(name)
    if found is None:
        return _fail(f"unknown rule {name!r} (see `budgetlint rules`)")
    sys.stdout.write(rule_markdown(found))
    return 0


def find_rule(name: str) -> Rule | None:
    """The rule named by a code (any case) or a kebab-case name."""
    code = name.upper()
    if code in RULES:
        return RULES[code]
    return next((rule for rule in iter_rules() if rule.name == name.lower()), None)


def rules_table() -> str:
    """``budgetlint rules``: code, name, mypy code, default state and summary."""
    header = ("code", "name", "mypy code", "default", "summary")
    rows = [header] + [
        (r.code, r.name, r.mypy_code or "-", "on" if r.default_enabled else "off", r.summary)
        for r in iter_rules()
    ]
    widths = [max(len(row[column]) for row in rows) for column in range(len(header) - 1)]
    return "".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row[:-1], widths, strict=True))
        + f"  {row[-1]}\n"
        for row in rows
    )


def _fail(message: str) -> int:
    sys.stderr.write(f"budgetlint: error: {message}\n")
    return USAGE_ERROR


if __name__ == "__main__":
    sys.exit(main())
