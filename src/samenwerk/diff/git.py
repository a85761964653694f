"""Reading agreements from git: blobs, never checkouts; no shell; revisions and paths never read as options.

Revisions go after ``--end-of-options`` (and must not start with '-'), paths after ``--``. Only the blobs
of files that changed between two revisions are read (``git diff-tree``/``diff-index`` list them with
their blob ids; ``git cat-file --batch`` reads them in one process).
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from ..document.files import SUFFIXES
from ..errors import SamenwerkError

ZERO = "0" * 40


def _git(args: list[str], cwd: Path, stdin: bytes | None = None) -> bytes:
    env = {**os.environ, "LC_ALL": "C", "GIT_PAGER": "cat", "GIT_TERMINAL_PROMPT": "0"}
    try:
        proc = subprocess.run(["git", *args], cwd=cwd, input=stdin, capture_output=True, env=env, timeout=300)
    except FileNotFoundError:
        raise SamenwerkError("git is not installed") from None
    if proc.returncode != 0:
        message = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise SamenwerkError(f"git {args[0]}: {message[-1] if message else 'failed'}")
    return proc.stdout


def toplevel(cwd: Path) -> Path:
    return Path(_git(["rev-parse", "--show-toplevel"], cwd).decode().strip())


def _safe(rev: str) -> str:
    if not rev or rev.startswith("-") or "\0" in rev:
        raise SamenwerkError(f"'{rev}' is not a revision")
    return rev


def is_revision(rev: str, cwd: Path) -> bool:
    if not rev or rev.startswith("-"):
        return False
    try:
        _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"], cwd)
    except SamenwerkError:
        return False
    return True


def resolve(rev: str, cwd: Path) -> str:
    if not is_revision(rev, cwd):
        raise SamenwerkError(f"'{rev}' is neither a file nor a git revision")
    return _git(["rev-parse", "--verify", "--end-of-options", f"{_safe(rev)}^{{commit}}"], cwd).decode().strip()


@dataclass(frozen=True)
class Entry:
    status: str  # A, D, M, R
    old_path: str | None
    new_path: str | None
    old_blob: str | None
    new_blob: str | None  # None: read the working tree


def changed(old_rev: str, new_rev: str | None, paths: list[str], cwd: Path) -> list[Entry]:
    """Agreement files that differ between two commits, or between a commit and the working tree."""
    old = resolve(old_rev, cwd)
    spec = ["--", *paths] if paths else []
    if new_rev is not None:
        raw = _git(["diff-tree", "-r", "-z", "-M", "--raw", "--no-commit-id", old, resolve(new_rev, cwd), *spec], cwd)
    else:
        raw = _git(["diff-index", "-z", "-M", "--raw", old, *spec], cwd)
    entries = _parse_raw(raw, worktree=new_rev is None)
    if new_rev is None:  # new files that git does not know yet are added too
        others = _git(["ls-files", "-z", "--others", "--exclude-standard", *spec], cwd)
        for name in filter(None, others.decode("utf-8", "surrogateescape").split("\0")):
            entries.append(Entry("A", None, name, None, None))
    return [e for e in entries if (e.new_path or e.old_path or "").endswith(SUFFIXES)]


def _parse_raw(raw: bytes, worktree: bool) -> list[Entry]:
    fields = raw.decode("utf-8", "surrogateescape").split("\0")
    out: list[Entry] = []
    i = 0
    while i < len(fields) and fields[i]:
        meta = fields[i].lstrip(":").split()
        status = meta[4][0]
        old_blob: str | None = meta[2]
        new_blob: str | None = meta[3]
        old_path: str | None
        new_path: str | None
        if status in "RC":
            old_path, new_path = fields[i + 1], fields[i + 2]
            i += 3
        else:
            old_path = new_path = fields[i + 1]
            i += 2
        if status == "A":
            old_path, old_blob = None, None
        if status == "D":
            new_path, new_blob = None, None
        if worktree and new_blob == ZERO:
            new_blob = None
        out.append(Entry("R" if status in "RC" else status, old_path, new_path, old_blob, new_blob))
    return out


def read_blobs(blobs: list[str], cwd: Path) -> dict[str, bytes]:
    """Contents of the given blob ids, in one ``git cat-file --batch``."""
    wanted = sorted(set(blobs))
    if not wanted:
        return {}
    raw = _git(["cat-file", "--batch"], cwd, stdin=("\n".join(wanted) + "\n").encode())
    out: dict[str, bytes] = {}
    pos = 0
    for blob in wanted:
        end = raw.index(b"\n", pos)
        header = raw[pos:end].split()
        size = int(header[2])
        out[blob] = raw[end + 1 : end + 1 + size]
        pos = end + 1 + size + 1
    return out


def read_file_at(rev: str, path: str, cwd: Path) -> bytes | None:
    """One file at a revision, or None when it does not exist there."""
    commit = resolve(rev, cwd)
    listing = _git(["ls-tree", "-z", "--full-name", commit, "--", path], cwd)
    if not listing:
        return None
    blob = listing.decode().split("\0")[0].split()[2]
    return read_blobs([blob], cwd)[blob]
