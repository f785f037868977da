"""Running mypy with the plugin over many files at once (the corpus front end)."""

from __future__ import annotations

from pathlib import Path

from conftest import write
from mypy_batch import check_files


def test_one_run_groups_by_settings_and_module_name(tmp_path: Path) -> None:
    moved = """
        from budgetlint import Budget


        def run(budget: Budget) -> None: ...


        def f(b: Budget) -> None:
            run(b)
            b.spend(usd=1)
    """
    write(tmp_path, {
        "pyproject.toml": "[tool.budgetlint]\n",
        "a/same_name.py": moved,
        "b/same_name.py": moved,  # same module name: another build
        "quiet/pyproject.toml": '[tool.budgetlint]\nignore = ["BUD001"]\n',
        "quiet/ignored.py": moved,  # other settings: another build
        "broken.py": "def f(:\n",  # blocks a mypy build: BUD900, the rest still runs
    })
    files = [tmp_path / name for name in
             ("a/same_name.py", "b/same_name.py", "quiet/ignored.py", "broken.py")]
    found = check_files(files)
    assert {path: [(d.line, d.col, d.code) for d in found[path]] for path in found} == {
        (tmp_path / "a/same_name.py").resolve(): [(9, 4, "BUD001")],
        (tmp_path / "b/same_name.py").resolve(): [(9, 4, "BUD001")],
        (tmp_path / "broken.py").resolve(): [(1, 7, "BUD900")],
    }
    assert found[(tmp_path / "a/same_name.py").resolve()][0].message == (
        "budget 'b' used after it was moved at line 8 (passed to run())")
