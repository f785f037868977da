"""The error of a model that cannot be loaded (its own module: the CLI and
the plugins catch it without loading the models' machinery)."""

from __future__ import annotations


class ModelError(Exception):
    """A model that cannot be loaded: ``str(e)`` is ``path:line: reason``.

    Raised for a model file that does not parse or whose markers are
    malformed, a configured model path that does not exist, and missing
    built-in models (a broken installation). ``line`` is 0 when the problem
    is the file or folder itself.
    """

    def __init__(self, path: str, line: int, reason: str) -> None:
        super().__init__(f"{path}:{line}: {reason}")
        self.path = path
        self.line = line
        self.reason = reason
