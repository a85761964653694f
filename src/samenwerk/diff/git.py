"""Reading agreements from git: blobs, never checkouts; no shell; revisions and paths never read as options.

Revisions go after ``--end-of-options`` (and must not start with '-'), paths after ``--``. Only the blobs
of files that changed between two revisions are read (``git diff-tree``/``diff-index`` list them with
their modes and blob ids; ``git cat-file --batch-check`` gives their sizes and ``--batch`` reads those
within the loader's size limit, each in one process).

git's output is bytes: file names are decoded as UTF-8 with ``surrogateescape``, so a name that is not
UTF-8 survives (reporters show such bytes escaped, ``neutral``). Only regular files are read: a
symbolic link (mode 120000) or a submodule (a gitlink, mode 160000) is an ``Entry`` with its mode, and the
caller reports it instead of comparing it.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from .. import i18n
from ..document.files import is_agreement_file
from ..errors import SamenwerkError
from ..i18n import _

ZERO = "0" * 40
SYMLINK = "120000"
GITLINK = "160000"


def _git(args: list[str], cwd: Path, stdin: bytes | None = None) -> bytes:
    env = {**os.environ, "LC_ALL": "C", "GIT_PAGER": "cat", "GIT_TERMINAL_PROMPT": "0"}
    try:
        proc = subprocess.run(["git", *args], cwd=cwd, input=stdin, capture_output=True, env=env, timeout=300)
    except FileNotFoundError:
        raise SamenwerkError(_("git is not installed")) from None
    except subprocess.TimeoutExpired:
        raise SamenwerkError(_("git {command}: no answer within 300 seconds").format(command=args[0])) from None
    except OSError as exc:
        raise SamenwerkError(
            _("git {command}: cannot run git: {reason}").format(command=args[0], reason=exc.strerror)
        ) from None
    if proc.returncode != 0:
        message = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise SamenwerkError(
            _("git {command}: {message}").format(command=args[0], message=message[-1] if message else _("failed"))
        )
    return proc.stdout


def _names(raw: bytes) -> list[str]:
    """NUL-separated names from ``-z`` output, bytes that are not UTF-8 kept (``surrogateescape``)."""
    return raw.decode("utf-8", "surrogateescape").split("\0")


def toplevel(cwd: Path) -> Path:
    try:
        out = _git(["rev-parse", "--show-toplevel"], cwd)
    except SamenwerkError as exc:
        if "not a git repository" in str(exc):
            raise SamenwerkError(
                _(
                    "{folder} is not in a git repository: to compare two files, name both"
                    " (samenwerk diff OLD.yaml NEW.yaml)"
                ).format(folder=cwd)
            ) from None
        raise
    top = os.fsdecode(out.rstrip(b"\n"))
    if not top:
        raise SamenwerkError(_("{folder} is not in the work tree of a git repository").format(folder=cwd))
    return Path(top)


def _safe(rev: str) -> str:
    if not rev or rev.startswith("-") or "\0" in rev:
        raise SamenwerkError(_("'{rev}' is not a revision").format(rev=rev))
    return rev


def is_revision(rev: str, cwd: Path) -> bool:
    if not rev or rev.startswith("-") or "\0" in rev:
        return False
    try:
        _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"], cwd)
    except SamenwerkError:
        return False
    return True


def has_commits(cwd: Path) -> bool:
    """Whether the repository has any commit at all (a new repository has none, and no HEAD)."""
    return bool(_git(["rev-list", "-n", "1", "--all"], cwd).strip())


def resolve(rev: str, cwd: Path) -> str:
    if not is_revision(rev, cwd):
        if not has_commits(cwd):
            raise SamenwerkError(
                _(
                    "'{rev}': the repository has no commits yet, so there is no revision to compare with; "
                    "commit first, or name two files (samenwerk diff OLD.yaml NEW.yaml)"
                ).format(rev=rev)
            )
        raise SamenwerkError(_("'{rev}' is neither a file nor a git revision").format(rev=rev))
    return _git(["rev-parse", "--verify", "--end-of-options", f"{_safe(rev)}^{{commit}}"], cwd).decode().strip()


@dataclass(frozen=True)
class Entry:
    status: str  # A, D, M, R, T (type changed: file, link, submodule), C (copy), U (unmerged)
    old_path: str | None
    new_path: str | None
    old_blob: str | None
    new_blob: str | None  # None: read the working tree
    old_mode: str | None = None
    new_mode: str | None = None  # None for the working tree: what is there is looked at when it is read


def changed(old_rev: str, new_rev: str | None, paths: list[str], cwd: Path) -> list[Entry]:
    """Agreement files that differ between two commits, or between a commit and the working tree."""
    old = resolve(old_rev, cwd)
    spec = ["--", *paths] if paths else []
    if new_rev is not None:
        raw = _git(["diff-tree", "-r", "-z", "-M", "--raw", "--no-commit-id", old, resolve(new_rev, cwd), *spec], cwd)
    else:
        raw = _git(["diff-index", "-z", "-M", "--raw", old, *spec], cwd)
    entries = parse_raw(raw, worktree=new_rev is None)
    if new_rev is None:  # new files that git does not know yet are added too
        others = _git(["ls-files", "-z", "--others", "--exclude-standard", *spec], cwd)
        entries.extend(Entry("A", None, name, None, None) for name in filter(None, _names(others)))
    return [e for e in map(_agreements_only, entries) if e is not None]


def _agreements_only(e: Entry) -> Entry | None:
    """The entry as far as it concerns agreement files: a rename from or to another kind of file is the
    agreement going or coming."""
    old_ok = e.old_path is not None and is_agreement_file(e.old_path)
    new_ok = e.new_path is not None and is_agreement_file(e.new_path)
    if old_ok and (new_ok or e.new_path is None):
        return e
    if new_ok and (old_ok or e.old_path is None):
        return e
    if old_ok:  # renamed to something that is not an agreement file
        return Entry("D", e.old_path, None, e.old_blob, None, e.old_mode, None)
    if new_ok:
        return Entry("A", None, e.new_path, None, e.new_blob, None, e.new_mode)
    return None


def parse_raw(raw: bytes, worktree: bool) -> list[Entry]:
    """``git diff-tree``/``diff-index -z --raw`` output: ``:old_mode new_mode old_id new_id status``, then
    the path (two paths for a rename or copy)."""
    fields = _names(raw)
    out: list[Entry] = []
    i = 0
    while i < len(fields) and fields[i]:
        meta = fields[i].lstrip(":").split()
        if len(meta) < 5 or not meta[4] or i + 1 >= len(fields):
            raise SamenwerkError(_("git: unexpected output {output}").format(output=repr(fields[i][:80])))
        old_mode: str | None = meta[0]
        new_mode: str | None = meta[1]
        old_blob: str | None = meta[2]
        new_blob: str | None = meta[3]
        status = meta[4][0]
        old_path: str | None
        new_path: str | None
        if status in "RC":
            if i + 2 >= len(fields):
                raise SamenwerkError(_("git: unexpected output {output}").format(output=repr(fields[i][:80])))
            old_path, new_path = fields[i + 1], fields[i + 2]
            i += 3
        else:
            old_path = new_path = fields[i + 1]
            i += 2
        if status == "C":  # a copy: the source is still there; the copy is a new file
            status, old_path, old_blob, old_mode = "A", None, None, None
        if status == "A" or _zero(old_mode):
            old_path, old_blob, old_mode = None, None, None
        if status == "D" or (_zero(new_mode) and status != "U"):
            new_path, new_blob, new_mode = None, None, None
        if worktree and new_blob is not None and _zero(new_blob):
            new_blob = None  # changed in the working tree: read it there
            new_mode = None if new_mode in ("100644", "100755") else new_mode
        out.append(Entry(status, old_path, new_path, old_blob, new_blob, old_mode, new_mode))
    return out


def _zero(value: str | None) -> bool:
    """An all-zero mode or object id: no such side (or, for the working tree, not hashed yet)."""
    return value is not None and set(value) == {"0"}


@dataclass(frozen=True, slots=True)
class Unread:
    """Why a blob was not read, in the run's language."""

    message: str
    too_large: bool = False
    """Over the size limit: an error of the file (the others are the repository's: a warning)."""


def read_blobs(blobs: list[str], cwd: Path, max_bytes: int) -> tuple[dict[str, bytes], dict[str, Unread]]:
    """Contents of the given blob ids, and for those not read, why: larger than ``max_bytes``, not a blob,
    or not in the repository. ``git cat-file --batch-check`` first (sizes), then one ``--batch``."""
    wanted = sorted(set(blobs))
    if not wanted:
        return {}, {}
    check = _git(["cat-file", "--batch-check"], cwd, stdin=("\n".join(wanted) + "\n").encode())
    problems: dict[str, Unread] = {}
    readable: list[str] = []
    for blob, line in zip(wanted, check.decode("ascii", "replace").splitlines()):
        parts = line.split()
        if len(parts) < 3 or parts[1] != "blob" or not parts[2].isdigit():
            problems[blob] = Unread(_("the object is not in the repository (a shallow clone?): not compared"))
        elif int(parts[2]) > max_bytes:
            problems[blob] = Unread(too_large(int(parts[2]), max_bytes), too_large=True)
        else:
            readable.append(blob)
    for blob in wanted[len(check.splitlines()) :]:
        problems[blob] = Unread(_("git did not answer for the object: not compared"))
    if not readable:
        return {}, problems
    raw = _git(["cat-file", "--batch"], cwd, stdin=("\n".join(readable) + "\n").encode())
    out: dict[str, bytes] = {}
    pos = 0
    for blob in readable:
        end = raw.find(b"\n", pos)
        header = raw[pos:end].split() if end >= 0 else []
        if len(header) < 3 or header[1] != b"blob" or not header[2].isdigit():
            problems[blob] = Unread(_("git did not answer for the object: not compared"))
            break
        size = int(header[2])
        out[blob] = raw[end + 1 : end + 1 + size]
        pos = end + 1 + size + 1
    for blob in readable[len(out) + 1 :]:
        problems.setdefault(blob, Unread(_("git did not answer for the object: not compared")))
    return out, problems


def too_large(size: int, max_bytes: int) -> str:
    return _("the file is {size} bytes; agreements are limited to {limit} MiB: not compared").format(
        size=i18n.number(size), limit=max_bytes // (1024 * 1024)
    )


def tree_entry(rev: str, path: str, cwd: Path) -> tuple[str, str] | None:
    """The mode and object id of one path at a revision, or None when it does not exist there."""
    commit = resolve(rev, cwd)
    listing = _git(["ls-tree", "-z", "--full-name", commit, "--", path], cwd)
    for record in _names(listing):
        meta, _, name = record.partition("\t")
        parts = meta.split()
        if len(parts) == 3 and name == path:
            return parts[0], parts[2]
    return None


def remote_url(cwd: Path) -> str | None:
    """The URL of the remote 'origin', or None (no remote, or not a repository)."""
    try:
        out = _git(["config", "--get", "remote.origin.url"], cwd)
    except SamenwerkError:
        return None
    return out.decode("utf-8", "replace").strip() or None
