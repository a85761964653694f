"""The lint cache: results keyed by file content, never by modification time.

CI checkouts reset modification times, so the key is the SHA-256 of the file's bytes together with the
samenwerk version, the effective configuration, the date rules take as today and the path. Entries live
in one SQLite database in ``.samenwerk_cache/`` (with a CACHEDIR.TAG, so backup tools skip it); writes
are transactions, so an interrupted run leaves the cache consistent.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from . import __version__
from .diagnostics import Diagnostic, Level

CACHE_DIR = ".samenwerk_cache"
TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by samenwerk.\n"


class LintCache:
    def __init__(self, root: Path, fingerprint: str) -> None:
        self.dir = root / CACHE_DIR
        self.dir.mkdir(parents=True, exist_ok=True)
        tag = self.dir / "CACHEDIR.TAG"
        if not tag.exists():
            tag.write_text(TAG, encoding="utf-8")
        (self.dir / ".gitignore").write_text("*\n", encoding="utf-8") if not (
            self.dir / ".gitignore"
        ).exists() else None
        self._db = sqlite3.connect(self.dir / "lint.sqlite3", timeout=30)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, diagnostics TEXT NOT NULL)")
        self._prefix = f"{__version__}\0{fingerprint}\0".encode()

    def key(self, path: str, raw: bytes) -> str:
        return hashlib.sha256(self._prefix + path.encode() + b"\0" + raw).hexdigest()

    def get_many(self, keys: list[str]) -> dict[str, tuple[Diagnostic, ...]]:
        found: dict[str, tuple[Diagnostic, ...]] = {}
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            rows = self._db.execute(
                f"SELECT key, diagnostics FROM results WHERE key IN ({','.join('?' * len(chunk))})", chunk
            ).fetchall()
            for key, payload in rows:
                found[key] = tuple(Diagnostic(d[0], d[1], d[2], Level(d[3]), d[4], d[5]) for d in json.loads(payload))
        return found

    def put_many(self, items: Iterable[tuple[str, tuple[Diagnostic, ...]]]) -> None:
        rows = [
            (
                key,
                json.dumps(
                    [[d.path, d.line, d.col, str(d.level), d.rule, d.message] for d in diags], ensure_ascii=False
                ),
            )
            for key, diags in items
        ]
        with self._db:
            self._db.executemany("INSERT OR REPLACE INTO results (key, diagnostics) VALUES (?, ?)", rows)

    def close(self) -> None:
        self._db.close()
