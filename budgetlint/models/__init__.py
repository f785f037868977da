"""Ownership models: what budgetlint knows about classes and functions.

:func:`.index.load_index` gives the :class:`.index.ModelIndex` of the
built-in models (``stubs/``), budgetlint's runtime and the configured
``model-paths``; :func:`.extract.extract_module` reads a checked file, to
add with :meth:`.index.ModelIndex.with_module`; a model that cannot be
loaded raises :class:`.errors.ModelError`. Standard library only: the mypy
plugin, the flake8 plugin and the CLI all import this package.
"""
