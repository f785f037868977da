"""A small agent application: one module per agent under ``agents/``, a
``tools/`` registry re-exported by its ``__init__``, and a shared
``budget.py`` that mints and splits. Cross-module misuses are found
through mypy's types (``# expect-mypy``) until the CLI and flake8 read the
project's other modules (issue 11); within one module, every front end
finds them."""
