"""The lint cache: an optimisation, never a source of truth.

Results are keyed by the SHA-256 of the file's bytes together with the samenwerk version and a digest of its
code (so a changed rule is never answered from an old entry), the effective configuration and the path (no
date: no rule reads one); never by modification time (CI checkouts reset it). Where it lives and why it cannot be forged:

- **Outside the work tree.** By default in the user's cache directory (platformdirs), one database per
  repository; ``--cache-dir`` or ``SAMENWERK_CACHE_DIR`` choose another place. A ``.samenwerk_cache``
  committed to a repository is never read.
- **Authenticated.** Every entry carries an HMAC-SHA256 of its key and its payload, made with a secret
  that lives in the user's cache directory (mode 0600), never in a repository, whatever ``--cache-dir``
  says. An entry nobody on this machine wrote fails the check and is linted afresh.
- **Skipped, not trusted, when anything is off.** A cache directory that is a symbolic link, is not owned
  by the user, cannot be written or read, or holds a corrupt database is not used; the run says so once
  and lints every file. Nothing about the cache can change a result.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import sqlite3
import stat
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import __version__
from .diagnostics import LEVELS, Diagnostic
from .fsutil import repository_root


def content_digest(raw: bytes) -> bytes:
    """A file's bytes, hashed once for every key made from them."""
    return hashlib.sha256(raw).digest()


TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by samenwerk.\n"
ENV = "SAMENWERK_CACHE_DIR"


class CacheUnavailable(Exception):
    """The cache cannot be used safely; the message says why (shown once as a warning)."""


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of samenwerk's own code and data as installed (names, sizes, modification times): a changed
    rule, even without a new version, is a new key."""
    package = os.path.dirname(os.path.abspath(__file__))
    digest = hashlib.sha256()
    for folder, subfolders, files in os.walk(package):
        subfolders[:] = sorted(d for d in subfolders if d != "__pycache__")
        for name in sorted(files):
            if name.endswith((".py", ".toml", ".mo")):  # .mo: the translated messages
                info = os.stat(os.path.join(folder, name))
                digest.update(
                    f"{os.path.relpath(folder, package)}/{name}\0{info.st_size}\0{info.st_mtime_ns}\0".encode()
                )
    return digest.hexdigest()


def user_cache_root() -> Path:
    """The user's cache directory for samenwerk (``~/.cache/samenwerk`` on Linux)."""
    from platformdirs import user_cache_path

    return user_cache_path("samenwerk", appauthor=False)


def default_dir(start: Path) -> Path:
    """``SAMENWERK_CACHE_DIR``, else one folder per repository in the user's cache directory."""
    chosen = os.environ.get(ENV)
    if chosen:
        return Path(chosen)
    root = repository_root(start)
    return user_cache_root() / "lint" / hashlib.sha256(str(root).encode()).hexdigest()[:24]


def _safe_dir(path: Path) -> None:
    """Create ``path`` (0700) or check that it is a real folder of ours that we can write."""
    if path.is_symlink():
        raise CacheUnavailable(f"{path} is a symbolic link")
    try:
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        info = path.lstat()
    except OSError as exc:
        raise CacheUnavailable(f"{path}: {exc.strerror}") from None
    if not stat.S_ISDIR(info.st_mode):
        raise CacheUnavailable(f"{path} is not a folder")
    if hasattr(os, "geteuid") and info.st_uid != os.geteuid():
        raise CacheUnavailable(f"{path} belongs to another user")
    if not os.access(path, os.R_OK | os.W_OK | os.X_OK):
        raise CacheUnavailable(f"{path} cannot be read and written")


def _secret(root: Path) -> bytes:
    """The key that authenticates entries: made once per user, kept in the user's cache directory only."""
    _safe_dir(root)
    path = root / "secret"
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    except FileExistsError:
        pass
    except OSError as exc:
        raise CacheUnavailable(f"{path}: {exc.strerror}") from None
    else:
        with os.fdopen(fd, "wb") as fh:
            fh.write(os.urandom(32))
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(fd, "rb") as fh:
            info = os.fstat(fh.fileno())
            secret = fh.read()
    except OSError as exc:
        raise CacheUnavailable(f"{path}: {exc.strerror}") from None
    if hasattr(os, "geteuid") and (info.st_uid != os.geteuid() or info.st_mode & 0o077):
        raise CacheUnavailable(f"{path} is readable by others or belongs to another user")
    if len(secret) != 32:
        raise CacheUnavailable(f"{path} is damaged; delete it")
    return secret


class LintCache:
    def __init__(self, directory: Path, fingerprint: str, secret_root: Path | None = None) -> None:
        self._secret = _secret(secret_root or user_cache_root())
        _safe_dir(directory)
        self.dir = directory
        tag = directory / "CACHEDIR.TAG"
        try:
            if not tag.exists():
                tag.write_text(TAG, encoding="utf-8")
            self._db = sqlite3.connect(directory / "lint.sqlite3", timeout=30)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, diagnostics TEXT NOT NULL, mac TEXT NOT NULL)"
            )
            # Plain data for other commands (``expiring``'s deadline material), authenticated the same way.
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS data (key TEXT PRIMARY KEY, payload TEXT NOT NULL, mac TEXT NOT NULL)"
            )
            self._db.execute("SELECT count(*) FROM entries").fetchone()
        except (OSError, sqlite3.Error) as exc:
            raise CacheUnavailable(f"{directory}: {exc}") from None
        base = f"{__version__}\0{code_digest()}\0"
        self._prefix = f"{base}{fingerprint}\0".encode()
        self._dates_prefix = f"{base}deadlines\0".encode()

    def key(self, path: str, raw: bytes) -> str:
        """The key of a file's lint result: its path and content, the configuration and samenwerk's code."""
        return self.key_of(path, content_digest(raw))

    def key_of(self, path: str, content: bytes) -> str:
        """``key`` from the file's ``content_digest`` (a file is hashed once for both of its keys)."""
        return hashlib.sha256(self._prefix + path.encode("utf-8", "surrogateescape") + b"\0" + content).hexdigest()

    def dates_key(self, path: str, content: bytes) -> str:
        """The key of a file's deadline material (``deadlines.Inputs``): as ``key_of``, without the lint
        configuration, which the deadlines do not depend on."""
        return hashlib.sha256(
            self._dates_prefix + path.encode("utf-8", "surrogateescape") + b"\0" + content
        ).hexdigest()

    def get_data_many(self, keys: list[str]) -> dict[str, Any]:
        """The authentic plain-data entries among ``keys`` (``put_data_many``); a forged one is not there."""
        found: dict[str, Any] = {}
        for key, payload in self._rows(keys):
            try:
                found[key] = json.loads(payload)["v"]
            except (ValueError, TypeError, KeyError):
                continue
        return found

    def put_data_many(self, items: Iterable[tuple[str, Any]]) -> None:
        """Store plain data (JSON) under keys of its own (``dates_key``), authenticated like every entry."""
        rows = []
        for key, value in items:
            payload = json.dumps({"v": value}, ensure_ascii=False)
            rows.append((key, payload, self._mac(key, payload)))
        self._write(rows)

    def _rows(self, keys: list[str]) -> Iterable[tuple[str, str]]:
        """(key, payload) of the entries among ``keys`` whose authentication holds."""
        try:
            for start in range(0, len(keys), 500):
                chunk = keys[start : start + 500]
                rows = self._db.execute(
                    f"SELECT key, payload, mac FROM data WHERE key IN ({','.join('?' * len(chunk))})", chunk
                ).fetchall()
                for key, payload, mac in rows:
                    if (
                        isinstance(key, str)
                        and isinstance(payload, str)
                        and isinstance(mac, str)
                        and hmac.compare_digest(mac, self._mac(key, payload))
                    ):
                        yield key, payload
        except sqlite3.Error as exc:
            raise CacheUnavailable(f"{self.dir}: {exc}") from None

    def _write(self, rows: list[tuple[str, str, str]]) -> None:
        try:
            with self._db:
                self._db.executemany("INSERT OR REPLACE INTO data (key, payload, mac) VALUES (?, ?, ?)", rows)
        except sqlite3.Error as exc:
            raise CacheUnavailable(f"{self.dir}: {exc}") from None

    def _mac(self, key: str, payload: str) -> str:
        # hmac.digest: OpenSSL's one-shot HMAC, the same value as hmac.new(...).hexdigest() at a fraction of its cost.
        return hmac.digest(self._secret, f"{key}\0{payload}".encode(), "sha256").hex()

    def get_many(self, keys: list[str]) -> dict[str, Entry]:
        """The authentic entries among ``keys``; a forged or damaged entry is simply not there."""
        found: dict[str, Entry] = {}
        try:
            for start in range(0, len(keys), 500):
                chunk = keys[start : start + 500]
                rows = self._db.execute(
                    f"SELECT key, diagnostics, mac FROM entries WHERE key IN ({','.join('?' * len(chunk))})", chunk
                ).fetchall()
                for key, payload, mac in rows:
                    entry = _entry(key, payload, mac, self._mac)
                    if entry is not None:
                        found[key] = entry
        except sqlite3.Error as exc:
            raise CacheUnavailable(f"{self.dir}: {exc}") from None
        return found

    def put_many(
        self, items: Iterable[tuple[str, tuple[Diagnostic, ...]] | tuple[str, tuple[Diagnostic, ...], Any]]
    ) -> None:
        """Store ``(key, diagnostics)`` or ``(key, diagnostics, identity)`` (the file's links, as JSON data)."""
        rows = []
        for key, diags, *rest in items:
            payload = json.dumps(
                {
                    "d": [[d.path, d.line, d.col, str(d.level), d.rule, d.message, d.redact] for d in diags],
                    "i": rest[0] if rest else None,
                },
                ensure_ascii=False,
            )
            rows.append((key, payload, self._mac(key, payload)))
        try:
            with self._db:
                self._db.executemany("INSERT OR REPLACE INTO entries (key, diagnostics, mac) VALUES (?, ?, ?)", rows)
        except sqlite3.Error as exc:
            raise CacheUnavailable(f"{self.dir}: {exc}") from None

    def close(self) -> None:
        try:
            self._db.close()
        except sqlite3.Error:
            pass


Entry = tuple[tuple[Diagnostic, ...], Any]
"""A file's diagnostics, and its identity (``versions.Identity`` as JSON data) or None."""


def _entry(key: object, payload: object, mac: object, sign: object) -> Entry | None:
    if not (isinstance(key, str) and isinstance(payload, str) and isinstance(mac, str) and callable(sign)):
        return None
    if not hmac.compare_digest(mac, sign(key, payload)):
        return None
    try:
        data = json.loads(payload)
        diagnostics = tuple(
            Diagnostic(d[0], d[1], d[2], LEVELS[d[3]], d[4], d[5], redact=bool(d[6])) for d in data["d"]
        )
        identity = data.get("i")
        return diagnostics, identity if isinstance(identity, dict) else None
    except (ValueError, TypeError, IndexError, KeyError, AttributeError):
        return None
