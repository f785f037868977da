"""Front ends: each lowers one kind of syntax tree into the ownership IR.

The CLI and the flake8 plugin lower the ``ast`` tree of each file with the
one walker (:mod:`budgetlint.lowering.walker`) on the model facts
(:mod:`budgetlint.checking.source`); ``frontends.mypy`` serves the mypy plugin.
"""
