"""The lint cache (keyed by content, not mtime) and parallel runs give the same answers as a plain run."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

from ..conftest import AGREEMENTS, FIXTURES

PROBLEMS = FIXTURES / "lint" / "problems.yaml"


def _diagnostics(cli, cwd: Path, *args: str) -> list[dict]:
    result = cli("lint", "--output-format", "json", *args, cwd=cwd)
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)["diagnostics"]


def test_cache_is_keyed_by_content_not_mtime(cli, tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    shutil.copy(PROBLEMS, path)
    first = _diagnostics(cli, tmp_path, "a.yaml")
    cache = tmp_path / ".samenwerk_cache"
    assert (cache / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")
    # Plant a marker in the cached entry: seeing it proves the next run was served from the cache.
    db = sqlite3.connect(cache / "lint.sqlite3")
    (count,) = db.execute("SELECT count(*) FROM results").fetchone()
    assert count == 1
    db.execute(
        "UPDATE results SET diagnostics = ?",
        (json.dumps([["a.yaml", 1, 1, "warning", "cache", "served from the cache"]]),),
    )
    db.commit()
    db.close()
    assert [d["message"] for d in _diagnostics(cli, tmp_path, "a.yaml")] == ["served from the cache"]
    os.utime(path, (1, 1))  # a checkout resets modification times: still a hit
    assert [d["message"] for d in _diagnostics(cli, tmp_path, "a.yaml")] == ["served from the cache"]
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # new content: linted again
    assert _diagnostics(cli, tmp_path, "a.yaml") == first
    # A different date for the rules, or another configuration, is another key.
    assert _diagnostics(cli, tmp_path, "a.yaml", "--as-of", "2020-01-01") == first
    assert _diagnostics(cli, tmp_path, "a.yaml", "--ignore", "contact-point") == [
        d for d in first if d["rule"] != "contact-point"
    ]


def test_no_cache_leaves_nothing(cli, tmp_path: Path) -> None:
    shutil.copy(PROBLEMS, tmp_path / "a.yaml")
    _diagnostics(cli, tmp_path, "a.yaml", "--no-cache")
    assert not (tmp_path / ".samenwerk_cache").exists()


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
