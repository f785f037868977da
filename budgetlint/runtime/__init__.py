"""The runtime: ``Budget``, ``Reservation``, amounts, ownership decorators, errors.

Public names are exported from :mod:`budgetlint`; the modules here are
``budget`` (the two handle classes), ``ledger`` (their internal ledger),
``money`` (exact amounts), ``ownership`` (``@affine``, ``@linear``,
``@consumes``, ``Borrowed``) and ``errors``. Standard library and
typing-extensions only.
"""
