"""Every runtime test runs twice: against the Python methods and against the
compiled fast paths (``budgetlint.runtime.fastpath``), which must behave
identically. A test marked ``compares_implementations`` runs once and
switches between them itself."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from budgetlint.runtime import fastpath

IMPLEMENTATIONS = ["python", "compiled"]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if not metafunc.definition.get_closest_marker("compares_implementations"):
        metafunc.parametrize("implementation", IMPLEMENTATIONS, indirect=True)


@pytest.fixture(autouse=True)
def implementation(request: pytest.FixtureRequest) -> Iterator[str]:
    chosen = getattr(request, "param", "both")
    if chosen == "compiled" and not fastpath.AVAILABLE:
        pytest.skip("the compiled fast paths are not built here")
    fastpath.use_compiled(chosen != "python")
    yield chosen
    fastpath.use_compiled(True)
