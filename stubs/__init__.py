"""budgetlint's built-in ownership models, installed as ``budgetlint._stubs``.

The ``.pyi`` files here are data: :mod:`budgetlint.models.index` reads them
with :mod:`ast` (``pkg/mod.pyi`` and ``pkg/mod/__init__.pyi`` model module
``pkg.mod``) and never imports them. This file only makes the folder a
regular package, which setuptools' editable installs need to map it.
"""
