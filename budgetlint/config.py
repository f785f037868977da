"""``[tool.budgetlint]`` settings: one record read by every front end.

Loading (``pyproject.toml`` discovery, ``--config``, validation with one-line
errors) lives in :mod:`budgetlint.config_loader`; this module only holds the
record, so the engine and the runtime never import a TOML parser.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Settings:
    """Resolved settings. Paths are absolute; patterns are glob patterns
    matched against paths relative to :attr:`root`."""

    root: str = "."
    """The folder holding the configuration file (or the working directory)."""
    select: tuple[str, ...] = ()
    """Codes or prefixes to report; empty means every default-enabled rule."""
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    exclude: tuple[str, ...] = ()
    extra_affine: tuple[str, ...] = ()
    """Fully qualified class names treated as affine."""
    extra_linear: tuple[str, ...] = ()
    model_paths: tuple[str, ...] = ()
    """More folders of ``.pyi`` models."""
    mint_authority: tuple[str, ...] = ()
    """Modules allowed to construct budgets; non-empty turns BUD008 on."""
    source: str | None = field(default=None, compare=False)
    """The file the settings came from, for messages."""
