"""A cache nobody can forge: committed, planted or damaged caches never change a lint result."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from pathlib import Path

import pytest

from samenwerk import __version__

from ..conftest import FIXTURES

BROKEN = (FIXTURES / "lint" / "negative" / "unknown-key.yaml").read_bytes()


def _lint(cli, repo: Path, env: dict[str, str]) -> tuple[int, list[dict], str]:
    result = cli("lint", "--output-format", "json", "a.yaml", cwd=repo, env=env)
    return result.returncode, json.loads(result.stdout)["diagnostics"], result.stderr


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)  # a repository root, as a checkout has
    (repo / "a.yaml").write_bytes(BROKEN)
    return repo


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {"XDG_CACHE_HOME": str(tmp_path / "home-cache")}


def _forge(db_path: Path, keys: list[str], mac: str | None) -> None:
    """Write 'no problems' for every key, in the old layout (no MAC) and the new one (with ``mac``)."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(db_path)
    db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, diagnostics TEXT NOT NULL)")
    db.execute(
        "CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, diagnostics TEXT NOT NULL, mac TEXT NOT NULL)"
    )
    for key in keys:
        db.execute("INSERT OR REPLACE INTO results VALUES (?, ?)", (key, "[]"))
        if mac is not None:
            db.execute("INSERT OR REPLACE INTO entries VALUES (?, ?, ?)", (key, "[]", mac))
    db.commit()
    db.close()


def _predictable_keys(repo: Path) -> list[str]:
    """Keys an attacker can compute: 0.1.0 hashed version, configuration, date, path and bytes."""
    import datetime as dt

    raw = (repo / "a.yaml").read_bytes()
    out = []
    for day in (dt.date.today(), dt.date.today() - dt.timedelta(days=1), dt.date.today() + dt.timedelta(days=1)):
        fingerprint = repr((("ALL",), (), [], (), None, day.isoformat()))
        prefix = f"{__version__}\0{fingerprint}\0".encode()
        out.append(hashlib.sha256(prefix + b"a.yaml\0" + raw).hexdigest())
    return out


def test_a_committed_cache_in_the_work_tree_is_never_read(cli, repo: Path, env: dict[str, str]) -> None:
    _forge(repo / ".samenwerk_cache" / "lint.sqlite3", _predictable_keys(repo), mac="0" * 64)
    code, diagnostics, _ = _lint(cli, repo, env)
    assert code == 1 and [d["rule"] for d in diagnostics] == ["schema"]


def test_a_planted_entry_without_a_valid_mac_is_ignored(cli, repo: Path, env: dict[str, str], tmp_path: Path) -> None:
    cache_dir = tmp_path / "chosen-cache"
    env = {**env, "SAMENWERK_CACHE_DIR": str(cache_dir)}
    first = _lint(cli, repo, env)
    assert first[0] == 1
    keys = [key for (key,) in sqlite3.connect(cache_dir / "lint.sqlite3").execute("SELECT key FROM entries")]
    assert keys, "the first run caches its result"
    # The attacker knows the key (it is in the database) but not the secret: a wrong MAC, or one made with
    # another secret (the attacker's own machine), or an entry copied from another key.
    other = hashlib.sha256(b"another secret").digest()
    import hmac

    for mac in ("0" * 64, hmac.new(other, f"{keys[0]}\0[]".encode(), hashlib.sha256).hexdigest()):
        _forge(cache_dir / "lint.sqlite3", keys, mac=mac)
        assert _lint(cli, repo, env)[:2] == first[:2]


def test_the_secret_never_lives_in_a_chosen_cache_dir(cli, repo: Path, env: dict[str, str], tmp_path: Path) -> None:
    cache_dir = repo / "cache-in-the-repo"
    _lint(cli, repo, {**env, "SAMENWERK_CACHE_DIR": str(cache_dir)})
    assert not any("secret" in p.name for p in cache_dir.rglob("*"))
    secret = tmp_path / "home-cache" / "samenwerk" / "secret"
    assert secret.is_file() and oct(secret.stat().st_mode & 0o777) == "0o600"


@pytest.mark.parametrize("damage", ["symlink", "file", "corrupt", "secret-readable", "secret-symlink", "foreign"])
def test_an_unusable_cache_is_skipped_with_one_warning(
    cli, repo: Path, env: dict[str, str], tmp_path: Path, damage: str
) -> None:
    cache_dir = tmp_path / "cache"
    env = {**env, "SAMENWERK_CACHE_DIR": str(cache_dir)}
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    secret = tmp_path / "home-cache" / "samenwerk" / "secret"
    if damage == "symlink":
        cache_dir.symlink_to(elsewhere)
    elif damage == "file":
        cache_dir.write_text("not a folder", encoding="utf-8")
    elif damage == "corrupt":
        cache_dir.mkdir()
        (cache_dir / "lint.sqlite3").write_bytes(b"SQLite format 3\0" + os.urandom(4096))
    elif damage == "secret-readable":
        _lint(cli, repo, env)
        secret.chmod(0o644)
    elif damage == "secret-symlink":
        secret.parent.mkdir(parents=True)
        (elsewhere / "secret").write_bytes(os.urandom(32))
        secret.symlink_to(elsewhere / "secret")
    elif damage == "foreign":
        if os.geteuid() != 0:
            pytest.skip("changing a folder's owner needs root")
        cache_dir.mkdir()
        os.chown(cache_dir, 65534, 65534)
    code, diagnostics, stderr = _lint(cli, repo, env)
    assert code == 1 and [d["rule"] for d in diagnostics] == ["schema"]
    assert stderr.count("warning: the lint cache is not used") == 1, stderr
    assert "Traceback" not in stderr
    assert list(elsewhere.iterdir()) in ([], [elsewhere / "secret"])  # nothing written through a link


def test_a_changed_rule_is_a_new_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    from samenwerk import cache

    copy = tmp_path / "samenwerk"
    shutil.copytree(Path(cache.__file__).parent, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "__file__", str(copy / "cache.py"))
    cache.code_digest.cache_clear()
    before = cache.code_digest()
    rule = copy / "rules" / "contact_point.py"
    rule.write_text(rule.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    cache.code_digest.cache_clear()
    try:
        assert cache.code_digest() != before
    finally:
        monkeypatch.undo()
        cache.code_digest.cache_clear()


def test_a_cache_in_the_work_tree_is_not_the_default(cli, repo: Path, env: dict[str, str]) -> None:
    """A real cache, written by samenwerk and signed with the user's secret, placed in the work tree (as a
    committed one would be): without --cache-dir pointing there, it is never consulted."""
    from samenwerk.cache import LintCache
    from samenwerk.diagnostics import Diagnostic, Level

    in_tree = repo / ".samenwerk_cache"
    code, first, _ = _lint(cli, repo, {**env, "SAMENWERK_CACHE_DIR": str(in_tree)})
    assert code == 1 and (in_tree / "lint.sqlite3").is_file()
    cache = LintCache(in_tree, "unused", secret_root=Path(env["XDG_CACHE_HOME"]) / "samenwerk")
    keys = [key for (key,) in cache._db.execute("SELECT key FROM entries")]
    cache.put_many([(key, (Diagnostic("a.yaml", 1, 1, Level.WARNING, "cache", "from the work tree"),)) for key in keys])
    cache.close()
    assert _lint(cli, repo, {**env, "SAMENWERK_CACHE_DIR": str(in_tree)})[1][0]["message"] == "from the work tree"
    code, diagnostics, _ = _lint(cli, repo, env)  # the default place: the user's cache directory
    assert code == 1 and [d["message"] for d in diagnostics] == [d["message"] for d in first]


def test_a_file_over_the_size_limit_is_not_read_for_a_key(cli, repo: Path, env: dict[str, str], tmp_path: Path) -> None:
    big = repo / "big.yaml"
    big.write_bytes(b"a: " + b"x" * (6 * 1024 * 1024) + b"\n")
    for _ in range(2):
        result = cli("lint", "--output-format", "json", "big.yaml", cwd=repo, env=env)
        assert result.returncode == 1
        assert "agreements are limited to 5 MiB" in result.stdout
