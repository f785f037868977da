"""Lowering decisions shared by every front end (standard library only).

A front end walks its own syntax tree; everything that does not depend on
that tree lives here, so that the libcst and mypy front ends produce the
same IR for the same code:

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
* :mod:`~budgetlint.lowering.facts`: type facts visible without a type
  checker, from the models (:class:`TypeFacts`);
* :mod:`~budgetlint.lowering.dump`: a readable text form of IR, for tests.

Conventions both front ends follow, beyond those of
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
