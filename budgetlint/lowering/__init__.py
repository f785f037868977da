"""Lowering decisions shared by every front end (standard library only).

A front end walks its own syntax tree; everything that does not depend on
that tree lives here, so that the libcst and mypy front ends produce the
same IR for the same code:

* :mod:`~budgetlint.lowering.builder`: :class:`Builder`, emitting IR into
  nested blocks, and pruning rebindings of never-tracked names;
* :mod:`~budgetlint.lowering.calls`: binding arguments to parameters
  (:func:`bind_arguments`), what a call does to each value
  (:func:`param_effect`, :func:`receiver_effect`), constructors of classes
  and dataclasses (:func:`constructor`);
* :mod:`~budgetlint.lowering.spawns`: which places a spawner call sends and
  which of those sends are fan-out (:func:`plan_sends`);
* :mod:`~budgetlint.lowering.how`: the ``how`` texts of events;
* :mod:`~budgetlint.lowering.facts`: type facts visible without a type
  checker, from the models (:class:`TypeFacts`);
* :mod:`~budgetlint.lowering.dump`: a readable text form of IR, for tests.
"""
