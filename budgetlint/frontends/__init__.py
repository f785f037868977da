"""Front ends: each lowers one kind of syntax tree into the ownership IR.

``frontends.libcst`` lowers source text for the CLI and the flake8 plugin;
``frontends.mypy`` lowers mypy's typed AST for the mypy plugin. Both share
the decisions in :mod:`budgetlint.lowering` and produce the same IR
(:mod:`budgetlint.engine.ir`) for the one flow analysis.
"""
