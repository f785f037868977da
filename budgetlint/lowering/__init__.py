"""Lowering: the one walker from ``ast`` to the IR, and its parts (standard library only).

Every front end hands the walker the ``ast`` tree of a module and a
:class:`~budgetlint.lowering.facts.TypeFacts`; ownership is decided here
and nowhere else:

* :mod:`~budgetlint.lowering.walker`: :func:`lower_tree`, the walk itself;
* :mod:`~budgetlint.lowering.builder`: :class:`Builder`, emitting IR into
  nested blocks, replacing an event emitted earlier, and pruning
  rebindings of never-tracked names;
* :mod:`~budgetlint.lowering.calls`: binding arguments to parameters
  (:func:`bind_arguments`), what a call does to each value
  (:func:`param_effect`, :func:`receiver_effect`), constructors of classes
  and dataclasses (:func:`constructor`);
* :mod:`~budgetlint.lowering.spawns`: which places a spawner call sends and
  which of those sends are fan-out (:func:`plan_sends`, :func:`runs_in_task`,
  :func:`comprehension_reaches`);
* :mod:`~budgetlint.lowering.how`: the ``how`` texts of events;
* :mod:`~budgetlint.lowering.facts`: the type facts protocol the walker
  asks, answered from what is written and the models (:class:`TypeFacts`;
  the mypy plugin's refine it with mypy's types);
* :mod:`~budgetlint.lowering.dump`: a readable text form of IR, for tests.

Conventions of the IR the walker emits, beyond those of
:mod:`budgetlint.engine.ir`:

* no :class:`~budgetlint.engine.ir.Checkpoint` before a statement that
  cannot raise: ``pass``, ``break``, ``continue``, ``global``,
  ``nonlocal``, and a ``return`` of nothing, a name or a constant (so a
  handler does not see a commit made just before ``break``);
* the receiver of a method (``self``) is never bound itself; the tracked
  fields of any bound root (parameter, ``self``, a local) are, all of
  them, when the root is bound, with ``obligation=False``;
* a ``for``/comprehension target and an item unpacked from a place carry
  no obligation: the container still holds the value;
* an expression statement that creates a linear value and drops it
  (``b.reserve(usd=1)`` alone) binds it to the place
  :func:`how.discarded` names, so that it leaks there (BUD004);
* an ``if`` whose test is ``place is None`` starts its body with
  :class:`~budgetlint.engine.ir.Forget` of the place (``is not None``: its
  else branch), so an optional reservation consumed under the test is not
  a leak on the ``None`` path.
"""
