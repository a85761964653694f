"""The inputs that hung or crashed 0.1.0, each with a clear, bounded answer (their attack-side twins are in
tests/security/)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import yaml

from samenwerk.errors import SamenwerkError

from ..conftest import FIXTURES

MINIMAL = FIXTURES / "lint" / "positive" / "minimal.yaml"


def test_a_title_of_1_3_mb_is_a_schema_error_at_its_line(cli, tmp_path: Path) -> None:
    data = yaml.safe_load(MINIMAL.read_text(encoding="utf-8"))
    data["title"] = "Samenwerking " + "lang woord " * 120_000
    path = tmp_path / "a.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, width=10**9), encoding="utf-8")
    assert path.stat().st_size > 1_300_000
    result = cli("lint", "--no-cache", "-f", "json", str(path))
    assert result.returncode == 1
    found = [(d["line"], d["rule"]) for d in json.loads(result.stdout)["diagnostics"]]
    assert (2, "schema") in found
    rendered = cli("render", str(path), "-f", "pdf", "-o", str(tmp_path / "a.pdf"))
    assert rendered.returncode == 2 and f"{path}:2:8" in rendered.stderr


def test_a_hundred_thousand_register_numbers_are_each_reported(cli, tmp_path: Path) -> None:
    numbers = [f"{i % 100:02d}{i % 12 + 1:02d}{i % 28 + 1:02d}{i % 997 + 1:03d}" for i in range(1000)]
    numbers = [n + f"{97 - int(n) % 97:02d}" for n in numbers]
    notes = "".join(f"  - insz {numbers[i % 1000]}\n" for i in range(100_000))
    path = tmp_path / "a.yaml"
    path.write_text(MINIMAL.read_text(encoding="utf-8") + "notes:\n" + notes, encoding="utf-8")
    result = cli("lint", "--no-cache", "-f", "json-lines", "--select", "national-register-number", str(path))
    assert result.returncode == 1
    assert result.stdout.count('"national-register-number"') == 100_000


def test_a_corrupt_cache_database_changes_nothing(cli, tmp_path: Path) -> None:
    env = {"SAMENWERK_CACHE_DIR": str(tmp_path / "cache"), "XDG_CACHE_HOME": str(tmp_path / "home")}
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / "lint.sqlite3").write_bytes(b"SQLite format 3\0" + os.urandom(8192))
    result = cli("lint", "-f", "json", str(MINIMAL), env=env)
    assert result.returncode == 0 and "the lint cache is not used" in result.stderr


def test_a_pdf_of_thousands_of_parties_is_refused_at_the_time_limit(tmp_path: Path, monkeypatch) -> None:
    from samenwerk.lint import load_resolved
    from samenwerk.render import pdf, render_pdf

    data = yaml.safe_load(MINIMAL.read_text(encoding="utf-8"))
    for i in range(2000):
        data["parties"].append({"id": f"g-{i}", "name": f"Gemeente {i}", "kind": "gemeente"})
        data["signing"]["blocks"].append({"party": f"g-{i}"})
    path = tmp_path / "many.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    agreement, problems = load_resolved(path)
    assert agreement is not None, problems
    monkeypatch.setattr(pdf, "TIME_LIMIT", 2.0)  # the real limit is 180 s; the mechanism is what is tested
    with pytest.raises(SamenwerkError, match="too large to lay out as a PDF"):
        render_pdf(agreement)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_named_as_an_agreement_is_refused_not_waited_on(cli, tmp_path: Path) -> None:
    # Opening a pipe waits for a writer: every command that reads agreements hung on one (and /dev/zero, a
    # device, would never end). The subprocess's time limit turns a hang into a failure here.
    pipe = tmp_path / "a.yaml"
    os.mkfifo(pipe)
    env = {"SAMENWERK_CACHE_DIR": str(tmp_path / "cache")}
    for args in (("lint",), ("lint", "--no-cache"), ("expiring",), ("list",), ("fmt", "--check"), ("fix",)):
        result = cli(*args, str(pipe), env=env)
        assert result.returncode in (1, 2), (args, result.returncode, result.stderr)
        assert "not a regular file (a named pipe" in result.stdout + result.stderr, (args, result.stdout)
