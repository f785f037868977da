"""Every test's budgetlint cache lives in a temporary folder, never in the checkout."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from budgetlint.cache import ENVIRONMENT


@pytest.fixture(autouse=True)
def _cache_folder(tmp_path_factory: pytest.TempPathFactory,
                  monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("budgetlint-cache")
    monkeypatch.setenv(ENVIRONMENT, str(folder))
    yield folder
