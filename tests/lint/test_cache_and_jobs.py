"""The lint cache (keyed by content, not mtime) and parallel runs give the same answers as a plain run."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from samenwerk.diagnostics import Diagnostic, Level

from ..conftest import AGREEMENTS, FIXTURES

PROBLEMS = FIXTURES / "lint" / "problems.yaml"


def _diagnostics(cli, cwd: Path, *args: str) -> list[dict]:
    result = cli("lint", "--output-format", "json", *args, cwd=cwd)
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)["diagnostics"]


def _cache_env(tmp_path: Path) -> dict[str, str]:
    return {"SAMENWERK_CACHE_DIR": str(tmp_path / "cache"), "XDG_CACHE_HOME": str(tmp_path / "home-cache")}


def _plant(tmp_path: Path, message: str) -> None:
    """Replace every cached entry's findings with a marker, signed as samenwerk on this machine signs them."""
    from samenwerk.cache import LintCache

    cache = LintCache(tmp_path / "cache", "unused", secret_root=tmp_path / "home-cache" / "samenwerk")
    keys = [key for (key,) in cache._db.execute("SELECT key FROM entries")]
    assert len(keys) == 1
    cache.put_many([(key, (Diagnostic("a.yaml", 1, 1, Level.WARNING, "cache", message),)) for key in keys])
    cache.close()


def test_cache_is_keyed_by_content_not_mtime(cli, tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    shutil.copy(PROBLEMS, path)
    env = _cache_env(tmp_path)

    def diagnostics(*args: str) -> list[dict]:
        result = cli("lint", "--output-format", "json", "a.yaml", *args, cwd=tmp_path, env=env)
        assert result.returncode in (0, 1), result.stderr
        return json.loads(result.stdout)["diagnostics"]

    first = diagnostics()
    assert (tmp_path / "cache" / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")
    assert not (tmp_path / ".samenwerk_cache").exists()  # nothing in the work tree
    # A signed marker in the cached entry: seeing it proves the next run was served from the cache.
    _plant(tmp_path, "served from the cache")
    assert [d["message"] for d in diagnostics()] == ["served from the cache"]
    os.utime(path, (1, 1))  # a checkout resets modification times: still a hit
    assert [d["message"] for d in diagnostics()] == ["served from the cache"]
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # new content: linted again
    assert diagnostics() == first
    # A different date for the rules, or another configuration, is another key.
    assert diagnostics("--as-of", "2020-01-01") == first
    assert diagnostics("--ignore", "contact-point") == [d for d in first if d["rule"] != "contact-point"]


def test_no_cache_leaves_nothing(cli, tmp_path: Path) -> None:
    shutil.copy(PROBLEMS, tmp_path / "a.yaml")
    env = _cache_env(tmp_path)
    result = cli("lint", "--output-format", "json", "a.yaml", "--no-cache", cwd=tmp_path, env=env)
    assert result.returncode == 1
    assert not (tmp_path / "cache").exists() and not (tmp_path / ".samenwerk_cache").exists()


def test_parallel_and_serial_runs_agree(cli, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    sources = sorted(AGREEMENTS.glob("*.yaml")) + [PROBLEMS]
    for i in range(240):  # above the threshold where worker processes start
        shutil.copy(sources[i % len(sources)], corpus / f"a{i:03d}.yaml")
    serial = _diagnostics(cli, tmp_path, "corpus", "--no-cache", "--jobs", "1")
    parallel = _diagnostics(cli, tmp_path, "corpus", "--no-cache", "--jobs", "2")
    assert parallel == serial and len(serial) > 240
    result = cli("expiring", "corpus", "--as-of", "2025-06-01", "--output-format", "json", "--jobs", "2", cwd=tmp_path)
    one = cli("expiring", "corpus", "--as-of", "2025-06-01", "--output-format", "json", "--jobs", "1", cwd=tmp_path)
    assert json.loads(result.stdout) == json.loads(one.stdout)


def test_a_schema_written_or_removed_since_is_never_answered_from_the_cache(cli, tmp_path: Path) -> None:
    """schema-line looks outside the file (at the schema its line names): that is part of the cache key."""
    path = tmp_path / "a.yaml"
    path.write_text("# yaml-language-server: $schema=schemas/a.json\n" + PROBLEMS.read_text(encoding="utf-8"))

    def schema_findings() -> list[tuple[int, int]]:
        found = _diagnostics(cli, tmp_path, "a.yaml", "--select", "schema-line", "--cache-dir", str(tmp_path / "c"))
        return [(d["line"], d["col"]) for d in found if d["rule"] == "schema-line"]

    assert schema_findings() == [(1, 33)]
    assert schema_findings() == [(1, 33)]  # from the cache
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "a.json").write_text("{}\n", encoding="utf-8")
    assert schema_findings() == []
    (tmp_path / "schemas" / "a.json").unlink()
    assert schema_findings() == [(1, 33)]


def test_a_run_served_from_the_cache_loads_neither_the_parser_nor_the_model_nor_the_rules(tmp_path: Path) -> None:
    # What makes a warm run fast (bench/run.py measures it): every file answered from the cache, nothing that
    # validates or checks is imported. A schema line is looked up (it is part of the key) without the rules.
    import subprocess
    import sys

    folder = tmp_path / "agreements"
    folder.mkdir()
    for path in AGREEMENTS.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        (folder / path.name).write_text("# yaml-language-server: $schema=../schemas/x.json\n" + text, "utf-8")
    env = {**os.environ, **_cache_env(tmp_path)}
    code = (
        "import sys\nfrom samenwerk.cli import run\ntry:\n    run()\nexcept SystemExit as exit:\n"
        "    print(exit.code, sorted({m.split('.')[0] if not m.startswith('samenwerk') else '.'.join(m.split('.')[:2])"
        " for m in sys.modules if m.split('.')[0] in ('pydantic', 'rich', 'jinja2', 'yaml') or m.startswith(("
        "'samenwerk.model', 'samenwerk.rules', 'samenwerk.document.validate'))}), file=sys.stderr)"
    )
    args = [sys.executable, "-c", code, "lint", "-f", "concise", str(folder)]
    cold = subprocess.run([*args[:3], *args[3:]], capture_output=True, text=True, env=env, cwd=tmp_path)
    warm = subprocess.run(args, capture_output=True, text=True, env=env, cwd=tmp_path)
    first = cold.stderr.splitlines()[-1]
    assert "samenwerk.model" in first and "'yaml'" in first  # the first run parses and validates: the check sees it
    assert warm.stdout == cold.stdout and warm.stderr.splitlines()[-1] == f"{cold.returncode} []", warm.stderr
