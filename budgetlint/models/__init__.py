"""Ownership models: what budgetlint knows about classes and functions.

:func:`load_index` gives the :class:`ModelIndex` of the built-in models
(``stubs/``), budgetlint's runtime and the configured ``model-paths``;
:func:`extract_module` reads a checked file, to add with
:meth:`ModelIndex.with_module`. Standard library only: the mypy plugin, the
flake8 plugin and the CLI all import this package.
"""

from budgetlint.models.extract import annotation_to_typeref, extract_module
from budgetlint.models.index import ModelError, ModelIndex, load_index

__all__ = ["ModelError", "ModelIndex", "annotation_to_typeref", "extract_module", "load_index"]
