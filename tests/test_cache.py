"""The result cache and parallel workers of ``budgetlint check``.

Warm runs give byte-identical output without analysing anything; any
change a finding depends on (content, path, settings, models, version)
misses; a corrupt or foreign entry is ignored and rewritten; two runs can
share the folder; ``--jobs`` changes nothing but the time.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import budgetlint
from budgetlint.cache import ENVIRONMENT, FOLDER_NAME, Cache
from budgetlint.checking import source as checking_source
from budgetlint.cli import main
from budgetlint.models.index import clear_model_cache

REPO = Path(__file__).resolve().parent.parent
MOVED = """\
from budgetlint import Budget


def spend(budget: Budget) -> None:
    budget.spend(usd=1)


def main() -> None:
    budget = Budget(usd=2)
    spend(budget)
    budget.spend(usd=1)
"""


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(["check", "--format", "json", *argv])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "pyproject.toml").write_text("[tool.budgetlint]\n", encoding="utf-8")
    (tmp_path / "agent.py").write_text(MOVED, encoding="utf-8")
    (tmp_path / "clean.py").write_text("x = 1\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(ENVIRONMENT)
    return tmp_path


def entries(folder: Path) -> list[Path]:
    """The result entries in the cache ``folder``."""
    return sorted(p for p in (folder / budgetlint.__version__ / "results").rglob("*")
                  if p.is_file())


def no_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object, **kwargs: object) -> object:
        raise AssertionError("analysed although cached")

    monkeypatch.setattr(checking_source, "analyze_source", fail)


def test_warm_run_analyses_nothing_and_says_the_same(
        project: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    cold = run(capsys, ".")
    assert cold[0] == 1 and "BUD001" in cold[1]
    folder = project / FOLDER_NAME
    assert (folder / "CACHEDIR.TAG").read_text().startswith(
        "Signature: 8a477f597d28d172789f06886806bc55")
    assert (folder / ".gitignore").read_text().splitlines()[-1] == "*"
    assert len(entries(folder)) == 2
    no_analysis(monkeypatch)
    assert run(capsys, ".") == cold


def test_what_findings_depend_on_misses(project: Path, capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    run(capsys, ".")
    folder = project / FOLDER_NAME
    # Another selection: new entries, not the old ones.
    assert "BUD001" not in run(capsys, ".", "--ignore", "BUD001")[1]
    (project / "pyproject.toml").write_text('[tool.budgetlint]\nignore = ["BUD001"]\n')
    assert run(capsys, ".")[0] == 0
    # New content is analysed again.
    (project / "agent.py").write_text("\n\n" + MOVED)
    (project / "pyproject.toml").write_text("[tool.budgetlint]\n")
    status, out, _ = run(capsys, ".")
    assert status == 1 and json.loads(out)[0]["line"] == 13
    # Two entries per selection (the configured ignore is the --ignore one), one new content.
    assert len(entries(folder)) == 5


def test_model_files_are_part_of_the_key(project: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    (project / "models").mkdir()
    (project / "models" / "vendor.pyi").write_text("def helper() -> None: ...\n")
    (project / "pyproject.toml").write_text('[tool.budgetlint]\nmodel-paths = ["models"]\n')
    first = run(capsys, ".")
    (project / "models" / "vendor.pyi").write_text("def helper(\n")
    clear_model_cache()  # a new process would read the models afresh
    status, _, err = run(capsys, ".")
    assert (first[0], status) == (1, 2) and "vendor.pyi" in err


def test_corrupt_and_foreign_entries_are_ignored_and_rewritten(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cold = run(capsys, ".")
    folder = project / FOLDER_NAME
    for entry in entries(folder):
        entry.write_text(entry.read_text()[:-5])  # truncated: the digest no longer matches
    assert run(capsys, ".") == cold
    for entry in entries(folder):
        # Well formed, but not a result: rewritten too.
        Cache(folder).put("results", entry.name, {"not": "a result"})
    assert run(capsys, ".") == cold
    assert all(isinstance(Cache(folder).get("results", e.name), list) for e in entries(folder))
    (folder / "0.0.0-another" / "results").mkdir(parents=True)
    assert run(capsys, ".") == cold


def test_no_cache_and_cache_dir(project: Path, capsys: pytest.CaptureFixture[str],
                                monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    cold = run(capsys, "--no-cache", ".")
    assert not (project / FOLDER_NAME).exists()
    assert run(capsys, "--cache-dir", "elsewhere", ".") == cold
    assert entries(project / "elsewhere") and not (project / FOLDER_NAME).exists()
    monkeypatch.setenv(ENVIRONMENT, str(tmp_path / "from-env"))
    assert run(capsys, ".") == cold
    assert entries(tmp_path / "from-env")


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0,
                    reason="root writes to read-only folders")
def test_unwritable_cache_warns_once_and_reports(project: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    (project / "ro").mkdir(mode=0o500)
    status, out, err = run(capsys, "--cache-dir", "ro/cache", ".")
    assert status == 1 and "BUD001" in out
    assert err.count("cannot write the cache") == 1


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_unwritable_cache_location_warns_once_and_reports(project: Path, jobs: str) -> None:
    for number in range(64):  # several tasks for the workers
        (project / f"agent_{number}.py").write_text(MOVED, encoding="utf-8")
    (project / "a-file").write_text("")
    # A process of its own: what worker processes print is seen too.
    done = subprocess.run([sys.executable, "-m", "budgetlint.cli", "check", "--format", "json",
                           "-j", jobs, "--cache-dir", "a-file/cache", "."],
                          cwd=project, capture_output=True, text=True, check=False)
    assert done.returncode == 1 and len(json.loads(done.stdout)) == 65
    assert done.stderr.count("cannot write the cache") == 1


def test_jobs_change_nothing_but_time(capsys: pytest.CaptureFixture[str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    serial = run(capsys, "--no-cache", "-j", "1", "examples", "tests/cases")
    parallel = run(capsys, "--no-cache", "-j", "2", "examples", "tests/cases")
    assert serial == parallel and json.loads(serial[1])


def test_jobs_must_be_a_number(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as error:
        main(["check", "-j", "many", "."])
    assert error.value.code == 2
    assert "expected a number of processes" in capsys.readouterr().err


def test_two_runs_sharing_a_cache(tmp_path: Path) -> None:
    """Concurrent runs over the same files and folder: each gives the
    findings of a run alone, and the entries they leave are whole."""
    files = tmp_path / "project"
    files.mkdir()
    for number in range(40):
        (files / f"agent_{number}.py").write_text(MOVED, encoding="utf-8")
    env = dict(os.environ, **{ENVIRONMENT: str(tmp_path / "shared")})
    command = [sys.executable, "-m", "budgetlint.cli", "check", "--format", "json", "-j", "1",
               str(files)]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, env=env) for _ in range(3)]
    outputs = [run.communicate(timeout=120) for run in runs]
    alone = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert {out for out, _ in outputs} == {alone.stdout}
    assert all(err.count("BUD001") == 0 for _, err in outputs)
    assert len(json.loads(alone.stdout)) == 40
    written = entries(tmp_path / "shared")
    assert len(written) == 40 and not [p for p in written if p.name.endswith(".tmp")]


def test_help_names_the_cache(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    text = textwrap.dedent(capsys.readouterr().out)
    assert "--no-cache" in text and "--cache-dir" in text and "--jobs" in text


# --- the models ------------------------------------------------------------------


def test_models_are_read_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from budgetlint.config import Settings
    from budgetlint.models import index as models

    cache = Cache(tmp_path / "cache")
    clear_model_cache()
    parsed = models.load_index(Settings(root=str(tmp_path)), cache)
    clear_model_cache()

    def fail(*args: object) -> object:
        raise AssertionError("parsed although cached")

    with monkeypatch.context() as patched:
        patched.setattr(models, "_parse", fail)
        cached = models.load_index(Settings(root=str(tmp_path)), cache)
    assert cached.fingerprint() == parsed.fingerprint()
    assert [cached.module(m.name) for m in parsed._store.modules.values()] == list(
        parsed._store.modules.values())
    # A corrupt entry is read again from the files, and rewritten.
    for entry in (tmp_path / "cache" / budgetlint.__version__ / "models").rglob("*"):
        if entry.is_file():
            entry.write_text(entry.read_text()[:100])
    clear_model_cache()
    assert models.load_index(Settings(root=str(tmp_path)), cache).fingerprint() == (
        parsed.fingerprint())
    clear_model_cache()


@pytest.mark.parametrize("data", [
    '{"~": "Popen", "args": "rm"}',                  # a class the codec does not know
    '{"~": "TypeRef", "name": "x", "evil": 1}',      # a field the record does not have
    '{"~e": "ParamKind", "v": "no such kind"}',
    '{"~d": [[["unhashable"], 1]]}',
    '{"what": 1}',
    "[" * 100_000 + "]" * 100_000,                    # nested beyond the parser's stack
])
def test_model_entries_hold_only_model_data(tmp_path: Path, data: str) -> None:
    from budgetlint.cache import _MAGIC, _digest
    from budgetlint.models import codec

    Cache(tmp_path).put("models", "entry", None)
    entry, = (p for p in (tmp_path / budgetlint.__version__ / "models").rglob("*")
              if p.is_file())
    entry.write_text(f"{_MAGIC} {_digest(data)}\n{data}")
    found = Cache(tmp_path).get("models", "entry", codec.decode_object)
    with pytest.raises(ValueError):
        codec.modules(found)


def test_a_warm_run_loads_no_analysis(tmp_path: Path) -> None:
    """With every result cached, neither the analysis nor the models nor a
    worker pool is loaded, whatever ``--jobs`` says."""
    for number in range(8):
        (tmp_path / f"agent_{number}.py").write_text(MOVED, encoding="utf-8")
    probe = (
        "import sys\n"
        "from budgetlint.cli import main\n"
        "status = main(['check', '-j', '2', '--cache-dir', 'cache', '.'])\n"
        "loaded = [m for m in ('budgetlint.lowering.walker', 'budgetlint.models.index',\n"
        "                      'concurrent.futures.process') if m in sys.modules]\n"
        "print(status, loaded)\n"
    )
    command = [sys.executable, "-c", probe]
    cold = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=True)
    warm = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=True)
    assert cold.stdout.splitlines()[-1].startswith("1 ['budgetlint.lowering.walker'")
    assert warm.stdout.splitlines()[-1] == "1 []"


def test_a_worker_copy_of_the_cache_reuses_the_loaded_models(tmp_path: Path) -> None:
    """Each task a worker receives carries a copy of the cache: it is the same
    cache, so the models loaded through it are not loaded again per task."""
    import pickle

    from budgetlint.config import Settings
    from budgetlint.models.index import load_index

    cache = Cache(tmp_path)
    copy = pickle.loads(pickle.dumps(cache))
    assert copy == cache and hash(copy) == hash(cache) and copy != Cache(tmp_path / "other")
    settings = Settings(root=str(tmp_path))
    assert load_index(settings, copy) is load_index(settings, cache)
