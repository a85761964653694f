"""expiring reads each file's deadline material from the lint cache where lint (or an earlier expiring) left it:
the same report as without the cache, a signed entry is used, and a forged one changes nothing."""

from __future__ import annotations

import hashlib
import hmac
import json
import shutil
import sqlite3
from pathlib import Path

from samenwerk import deadlines

from ..conftest import AGREEMENTS

AS_OF = "2025-06-30"


def _env(tmp_path: Path) -> dict[str, str]:
    return {"SAMENWERK_CACHE_DIR": str(tmp_path / "cache"), "XDG_CACHE_HOME": str(tmp_path / "home-cache")}


def _expiring(cli, cwd: Path, env: dict[str, str], *args: str) -> dict:
    result = cli(
        "expiring", "agreements", "-f", "json", "--as-of", AS_OF, "--fail-on", "never", *args, cwd=cwd, env=env
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _rows(tmp_path: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(tmp_path / "cache" / "lint.sqlite3") as db:
        return list(db.execute("SELECT key, payload FROM data"))


def _repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    (repo / "agreements").mkdir(parents=True)
    for path in sorted(AGREEMENTS.glob("*.yaml")):
        shutil.copy(path, repo / "agreements" / path.name)
    return repo


def test_expiring_after_lint_reads_the_material_lint_cached(cli, tmp_path: Path) -> None:
    repo, env = _repo(tmp_path), _env(tmp_path)
    plain = _expiring(cli, repo, env, "--no-cache")
    assert not (tmp_path / "cache").exists()  # --no-cache neither reads nor writes
    lint = cli("lint", "agreements", "-f", "concise", cwd=repo, env=env)
    assert lint.returncode in (0, 1), lint.stderr
    rows = _rows(tmp_path)
    assert len(rows) == len(plain["agreements"])  # one entry per agreement that validates
    assert _expiring(cli, repo, env) == plain

    # A marker in a correctly signed entry shows that the next run takes the material from the cache.
    from samenwerk.cache import LintCache

    cache = LintCache(tmp_path / "cache", "", secret_root=tmp_path / "home-cache" / "samenwerk")
    for key, payload in rows:
        data = json.loads(payload)["v"]
        cache.put_data_many([(key, {**data, "title": "uit de cache"})])
    cache.close()
    assert {a["title"] for a in _expiring(cli, repo, env)["agreements"]} == {"uit de cache"}


def test_a_forged_entry_changes_nothing(cli, tmp_path: Path) -> None:
    repo, env = _repo(tmp_path), _env(tmp_path)
    first = _expiring(cli, repo, env)  # computes and caches the material
    rows = _rows(tmp_path)
    assert rows
    other = hashlib.sha256(b"another secret").digest()
    with sqlite3.connect(tmp_path / "cache" / "lint.sqlite3") as db:
        for key, payload in rows:
            forged = json.dumps({"v": {**json.loads(payload)["v"], "end": "2099-12-31"}})
            for mac in ("0" * 64, hmac.new(other, f"{key}\0{forged}".encode(), hashlib.sha256).hexdigest()):
                db.execute("UPDATE data SET payload = ?, mac = ? WHERE key = ?", (forged, mac, key))
    assert _expiring(cli, repo, env) == first


def test_the_material_round_trips_and_gives_the_same_report() -> None:
    import datetime as dt

    from samenwerk import document

    day, window = dt.date(2025, 6, 30), deadlines.parse_within("90d")
    for path in sorted(AGREEMENTS.glob("*.yaml")):
        agreement = document.read(path).agreement
        assert agreement is not None
        material = deadlines.inputs(agreement)
        again = deadlines.Inputs.from_json(json.loads(json.dumps(material.to_json())))
        assert again == material
        assert deadlines.report(again, day, window, str(path)) == deadlines.compute(agreement, day, window, str(path))
