"""The site's output folder: pages written safely, and a manifest so that a rebuild redoes only what changed.

The manifest (``.samenwerk-site.json`` in the folder) records, for every file samenwerk wrote there, the key
of what it was made from (a digest of everything the page shows) and the file's own SHA-256, size and
modification time; and data worth keeping between builds (each agreement's row, each commit's changes),
keyed by the content they came from. A page is skipped only when its key is the one recorded *and* the file
is still the one written (same size and time, else same SHA-256).

The output folder may sit in a repository, so its content is untrusted like the rest:

- The manifest is authenticated with HMAC-SHA256 under the per-user secret of the lint cache (never in a
  repository). A manifest nobody on this machine wrote, or one from another samenwerk, code or template
  set, is not used: every page is made afresh, and files that were not written by samenwerk here are
  overwritten only with ``--force``.
- Paths are made by samenwerk from ``[a-z0-9._-]`` names, never taken from the manifest to write; a path
  the manifest lists is removed (as no longer produced) only when it is such a name, every folder on the
  way is a real folder inside the output folder (no symbolic link), and the file is a file or a link (a link
  is removed itself, never followed).
- A folder on the way to a page that is a symbolic link, or a page that is not a regular file (a link, a
  pipe), is never written through: an unrecorded one is an error (or, with ``--force``, replaced); one
  that samenwerk wrote before is replaced.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import re
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import SamenwerkError
from ..fsutil import atomic_writer
from ..i18n import _

MANIFEST = ".samenwerk-site.json"
FORMAT = 1
MAX_MANIFEST = 256 * 1024 * 1024
_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{0,127}$")


def safe_relative(rel: str) -> bool:
    """A path samenwerk could have made: one to four names of ``[a-z0-9._-]``, none of them '.' or '..'."""
    parts = rel.split("/")
    return 0 < len(parts) <= 4 and all(_NAME.match(p) and p not in (".", "..") for p in parts)


def digest(*parts: Any) -> str:
    """A key for what a page is made from: SHA-256 of the parts as canonical JSON."""
    text = json.dumps(parts, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()


def _replace(path: Path, pieces: Iterable[bytes]) -> tuple[str, os.stat_result]:
    """Write a page atomically (a temporary file beside it, then a rename), with the mode the umask allows;
    returns its SHA-256 and what the file system records of it. The content comes in pieces (a calendar of
    every deadline is tens of megabytes at 30,000 agreements): it is never held whole.

    Unlike ``fsutil.write_atomic`` it does not wait for the disk (fsync): a site has thousands of pages, and
    a page cut short by a crash has another size than the manifest records, so the next build makes it again.
    """
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    sha = hashlib.sha256()
    try:
        os.fchmod(fd, 0o666 & ~_UMASK)
        with os.fdopen(fd, "wb") as fh:
            for piece in pieces:
                sha.update(piece)
                fh.write(piece)
            fh.flush()
            info = os.fstat(fh.fileno())  # a rename keeps the size and the modification time
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    return sha.hexdigest(), info


class Encoded(bytes):
    """A value already made into JSON text (UTF-8), which the manifest takes as it is. A build holds every
    agreement's row until the manifest is written: as text, a row takes a fifth of the memory of the dict
    (1.6 KB against 7.7 KB)."""

    @classmethod
    def of(cls, value: Any) -> Encoded:
        return cls(_encode(value))


def _encode(value: Any) -> bytes:
    if isinstance(value, Encoded):
        return value
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode("utf-8", "surrogateescape")


def _members(items: dict[str, Any], batch: int = 512) -> Iterator[bytes]:
    """The members of a JSON object (``"key":value`` joined by commas), a few hundred at a time."""
    sep, pending = b"", []
    for key, value in items.items():
        pending.append(_encode(key) + b":" + _encode(value))
        if len(pending) == batch:
            yield sep + b",".join(pending)
            sep, pending = b",", []
    if pending:
        yield sep + b",".join(pending)


def manifest_pieces(fingerprint: str, files: dict[str, Any], data: dict[str, dict[str, Any]]) -> Iterator[bytes]:
    """The manifest's body, the text ``json.dumps`` would make of it, in pieces: at 30,000 agreements it is
    over a hundred megabytes, and made whole it was held two or three times over at the end of a build."""
    yield b'{"format":' + _encode(FORMAT) + b',"fingerprint":' + _encode(fingerprint) + b',"files":{'
    yield from _members(files)
    yield b'},"data":{'
    for n, (name, section) in enumerate(data.items()):
        yield (b"," if n else b"") + _encode(name) + b":{"
        yield from _members(section)
        yield b"}"
    yield b"}}"


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _umask()


def _secret() -> bytes | None:
    from ..cache import CacheUnavailable, _secret, user_cache_root

    try:
        return _secret(user_cache_root())
    except CacheUnavailable:
        return None


class SiteFolder:
    """The output folder of one build: what was there, and what this build writes."""

    def __init__(self, root: Path, fingerprint: str, force: bool = False) -> None:
        self.root = root
        self.fingerprint = fingerprint
        self.force = force
        self.note: str | None = None
        """Why the previous build's manifest was not used, when there was one."""
        if root.exists() and not root.is_dir():
            raise SamenwerkError(_("{path}: is a file, not a folder").format(path=root))
        try:
            root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise SamenwerkError(
                _("{path}: cannot create the folder: {error}").format(path=root, error=exc.strerror)
            ) from None
        self.real = Path(os.path.realpath(root))
        self._secret = _secret()
        self._old_files: dict[str, dict[str, Any]] = {}
        self._old_data: dict[str, Any] = {}
        self.files: dict[str, dict[str, Any]] = {}
        self.written: list[str] = []
        self.unchanged = 0
        self._checked: dict[str, bool] = {}
        self._load()

    # --- the previous build ---------------------------------------------------------------------------

    def _load(self) -> None:
        path = self.real / MANIFEST
        try:
            info = path.lstat()
        except FileNotFoundError:
            return
        except OSError as exc:
            self.note = f"{path}: {exc.strerror}"
            return
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_MANIFEST:
            self.note = _("{path} is not a manifest samenwerk wrote: every page is made afresh").format(path=path)
            return
        if self._secret is None:
            self.note = _("the user's cache directory cannot hold samenwerk's secret: every page is made afresh")
            return
        raw = path.read_bytes()
        mac, _sep, body = raw.partition(b"\n")
        expected = hmac.new(self._secret, body, hashlib.sha256).hexdigest().encode()
        if not hmac.compare_digest(mac, expected):
            self.note = _("{path} was not written by samenwerk for this user: every page is made afresh").format(
                path=path
            )
            return
        try:
            data = json.loads(body)
        except ValueError:
            self.note = _("{path} is damaged: every page is made afresh").format(path=path)
            return
        if data.get("format") != FORMAT or data.get("fingerprint") != self.fingerprint:
            self.note = _(
                "samenwerk, its templates, the options or the language changed since the last build: "
                "every page is made afresh"
            )
            # The files are still samenwerk's own: they may be replaced without --force.
            self._old_files = {k: v for k, v in data.get("files", {}).items() if safe_relative(k)}
            for record in self._old_files.values():
                record["key"] = None
            return
        self._old_files = {k: v for k, v in data.get("files", {}).items() if safe_relative(k)}
        self._old_data = data.get("data", {})

    def data(self, name: str) -> dict[str, Any]:
        """What the previous build kept under ``name`` (authenticated), or nothing."""
        found = self._old_data.get(name)
        return found if isinstance(found, dict) else {}

    def key(self, rel: str) -> str | None:
        """The key the previous build recorded for ``rel``, when the file is still the one it wrote."""
        record = self._old_files.get(rel)
        if record is None or record.get("key") is None or not self._intact(rel, record):
            return None
        key = record["key"]
        return key if isinstance(key, str) else None

    def _intact(self, rel: str, record: dict[str, Any]) -> bool:
        if rel not in self._checked:
            self._checked[rel] = self._check(rel, record)
        return self._checked[rel]

    def _check(self, rel: str, record: dict[str, Any]) -> bool:
        path = self._place(rel, create=False)
        if path is None:
            return False
        try:
            info = path.lstat()
        except OSError:
            return False
        if not stat.S_ISREG(info.st_mode) or info.st_size != record.get("size"):
            return False
        if info.st_mtime_ns == record.get("mtime"):
            return True
        try:
            return hashlib.sha256(path.read_bytes()).hexdigest() == record.get("sha256")
        except OSError:
            return False

    # --- this build -----------------------------------------------------------------------------------

    def fresh(self, rel: str, key: str) -> bool:
        """Whether ``rel`` is as the previous build wrote it from ``key``: then it is kept as it is."""
        if self.key(rel) != key:
            return False
        self.files[rel] = {**self._old_files[rel], "key": key}
        self.unchanged += 1
        return True

    def write(self, rel: str, data: bytes | str | Iterable[bytes], key: str) -> None:
        """Write a page made from ``key``; ``data`` may come in pieces."""
        assert safe_relative(rel), rel
        path = self._place(rel, create=True)
        if path is None:
            raise SamenwerkError(
                _("{path}: a folder on the way is a symbolic link or not a folder").format(path=self.root / rel)
            )
        try:
            info = path.lstat()
        except FileNotFoundError:
            info = None
        if info is not None and rel not in self._old_files and not self.force:
            raise SamenwerkError(
                _(
                    "{path}: already exists and was not written by samenwerk site here; "
                    "use --force to overwrite it, or choose another output folder"
                ).format(path=self.root / rel)
            )
        if info is not None and not stat.S_ISREG(info.st_mode):
            if stat.S_ISDIR(info.st_mode):
                raise SamenwerkError(_("{path}: is a folder; remove it first").format(path=path))
            path.unlink()  # a link or a pipe: removed itself, never written through
        pieces = (data.encode("utf-8"),) if isinstance(data, str) else (data,) if isinstance(data, bytes) else data
        sha, after = _replace(path, pieces)
        self.files[rel] = {"key": key, "sha256": sha, "size": after.st_size, "mtime": after.st_mtime_ns}
        self.written.append(rel)

    def _place(self, rel: str, create: bool) -> Path | None:
        """The file's path below the output folder, when every folder on the way is a real folder there
        (created when ``create``); None when one is a link or a file."""
        if not safe_relative(rel):
            return None
        folder = self.real
        *parents, name = rel.split("/")
        for part in parents:
            folder = folder / part
            try:
                info = folder.lstat()
            except FileNotFoundError:
                if not create:
                    return self.real.joinpath(*parents, name)  # nothing there yet
                try:
                    folder.mkdir()
                except OSError as exc:
                    raise SamenwerkError(
                        _("{path}: cannot create the folder: {error}").format(path=folder, error=exc.strerror)
                    ) from None
                continue
            if not stat.S_ISDIR(info.st_mode):  # lstat: a link to a folder is not a folder here
                return None
        return folder / name

    def finish(self, keep: dict[str, dict[str, Any]], remove: bool = True) -> list[str]:
        """Remove what the previous build wrote and this one did not, and record this build. Returns the
        paths removed. ``remove=False`` (a build that stopped half-way) removes nothing and records the files
        of both builds, so that neither is taken for someone else's."""
        removed: list[str] = []
        if not remove:
            self.files = {**{k: {**v, "key": None} for k, v in self._old_files.items()}, **self.files}
        for rel in sorted(set(self._old_files) - set(self.files)):
            path = self._place(rel, create=False)
            if path is None:
                continue
            try:
                info = path.lstat()
            except OSError:
                continue
            if stat.S_ISREG(info.st_mode) or stat.S_ISLNK(info.st_mode):
                try:
                    path.unlink()
                    removed.append(rel)
                except OSError:
                    pass
        if self._secret is None:
            return removed
        target = self.real / MANIFEST
        with contextlib.suppress(FileNotFoundError):
            mode = target.lstat().st_mode
            if not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):  # a folder is refused by atomic_writer
                target.unlink()  # a link or a pipe in its place: removed itself, never written through
        # The MAC heads the file and is known only at the end: a placeholder of its length goes first.
        mac = hmac.new(self._secret, digestmod=hashlib.sha256)
        with atomic_writer(target, force=True, binary=True) as fh:
            fh.write(b"0" * mac.digest_size * 2 + b"\n")
            for piece in manifest_pieces(self.fingerprint, self.files, keep):
                mac.update(piece)
                fh.write(piece)
            fh.seek(0)
            fh.write(mac.hexdigest().encode())
        return removed
