"""Choosing what is reported: rules selected and ignored, suppression comments.

Selection, precisely: a diagnostic is reported when its rule is *selected*
and not *ignored*.

* Selected: ``select`` is empty and the rule is on by default, or is
  configured (one of its options, e.g. ``mint-authority``, is set); or an
  entry of ``select`` is its code or a prefix of it. BUD900 is always
  selected: a file that could not be analysed is never silently passed.
* Ignored: an entry of ``per-file-ignores`` matching the file covers it; or
  an entry of ``ignore`` covers it and is at least as specific (as long) as
  the longest ``select`` entry that does, as in flake8 and ruff.
* Suppressed: the reported line carries ``# noqa`` (bare, or listing the
  code or a prefix, flake8's syntax) or ``# budgetlint: ignore`` (bare or
  ``[BUD001, BUD002]``). As flake8 does, a line inside a multi-line string
  looks for the comment on every line of that string.
"""

from __future__ import annotations

import fnmatch
import io
import os
import re
import tokenize
from collections.abc import Iterable

from budgetlint.checking.files import relative_path
from budgetlint.config import Settings
from budgetlint.config_loader import KEYS
from budgetlint.diagnostics import ANALYSIS_ERROR, Diagnostic
from budgetlint.rules.catalog import RULES, Rule

# flake8's NOQA_INLINE_REGEXP (flake8/defaults.py), so both front ends read
# the same comments the same way.
_NOQA = re.compile(r"# noqa(?::[\s]?(?P<codes>([A-Z]+[0-9]+(?:[,\s]+)?)+))?", re.IGNORECASE)
_IGNORE_COMMENT = re.compile(r"#\s*budgetlint:\s*ignore\b(?:\[(?P<codes>[^\]]*)\])?")
_CODE_LIST = re.compile(r"[,\s]")


def is_reported(code: str, path: str, settings: Settings) -> bool:
    """Whether select/ignore/per-file-ignores and the rule's default state
    let ``code`` be reported in ``path`` (see the module docstring)."""
    if any(
        code.startswith(codes)
        for pattern, codes in settings.per_file_ignores
        if _matches_file(path, pattern, settings)
    ):
        return False
    selected = _longest_prefix(code, settings.select)
    if settings.select and selected is None and code != ANALYSIS_ERROR:
        return False
    if not settings.select and not _on_without_select(RULES[code], settings):
        return False
    ignored = _longest_prefix(code, settings.ignore)
    return ignored is None or (selected is not None and len(selected) > len(ignored))


def _on_without_select(rule: Rule, settings: Settings) -> bool:
    return rule.default_enabled or any(getattr(settings, KEYS[key]) for key in rule.options)


def _longest_prefix(code: str, entries: Iterable[str]) -> str | None:
    return max((entry for entry in entries if code.startswith(entry)), key=len, default=None)


def _matches_file(path: str, pattern: str, settings: Settings) -> bool:
    relative = relative_path(path, settings)
    return fnmatch.fnmatchcase(relative, pattern) or fnmatch.fnmatchcase(
        os.path.basename(relative), pattern
    )


def suppress(found: list[Diagnostic], text: str, *, noqa: bool = True) -> list[Diagnostic]:
    """``found`` without what suppression comments on the reported lines silence."""
    if not found or ("noqa" not in text.lower() and "budgetlint:" not in text):
        return found
    comment_lines = _comment_lines(text)
    physical = text.splitlines()

    def line_text(line: int) -> str:
        if line in comment_lines:
            return comment_lines[line]
        return physical[line - 1] if 0 < line <= len(physical) else ""

    return [d for d in found if not _is_suppressed(d.code, line_text(d.line), noqa=noqa)]


def _is_suppressed(code: str, line: str, *, noqa: bool) -> bool:
    comments = [_IGNORE_COMMENT.search(line)]
    if noqa:
        comments.append(_NOQA.search(line))
    for match in comments:
        if match is None:
            continue
        listed = match.group("codes")
        if listed is None:
            return True
        codes = tuple(item for item in _CODE_LIST.split(listed) if item)
        if code.startswith(codes):
            return True
    return False


def _comment_lines(text: str) -> dict[int, str]:
    """For each line, the text searched for a suppression comment: the line,
    or all the lines of the token group spanning it (a multi-line string),
    as flake8's ``FileProcessor._noqa_line_mapping`` computes it."""
    lines = text.splitlines(keepends=True)
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(text).readline))
    except (tokenize.TokenError, SyntaxError):
        return {}
    mapping: dict[int, str] = {}
    first, last = len(lines) + 2, -1
    for token in tokens:
        if token.type in (tokenize.ENDMARKER, tokenize.DEDENT):
            continue
        first, last = min(first, token.start[0]), max(last, token.end[0])
        if token.type in (tokenize.NL, tokenize.NEWLINE):
            joined = "".join(lines[first - 1 : last])
            mapping.update(dict.fromkeys(range(first, last + 1), joined))
            first, last = len(lines) + 2, -1
    return mapping
